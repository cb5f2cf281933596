using IomDirectory.Server.Domain;

namespace IomDirectory.Server.Routing;

/// <summary>
/// Turns scored units and offices into suggestions with their reasons, in the answer's language. Office cities
/// are given in English (a stable name, "Cairo" not "Le Caire"); names and reasons follow the language.
/// <paramref name="mentionedPlace"/> is the country or region the question named when it stood for the asker's
/// country; the reasons that depend on it say so.
/// </summary>
public sealed class SuggestionWriter(RoutingIndex index, string language, QueryAnalysis analysis, string? mentionedPlace = null)
{
    private const double FallbackScore = 0.05;
    private int[]? _questionStems;
    private Lexicon Lexicon => index.Lexicon;

    public static double Squash(double raw) => Math.Round(raw / (raw + 1.5), 4);

    public RoutedContact Unit(RoutingUnits.Entry entry, double raw, Concept? concept, bool escalation, bool weak = false)
    {
        var contact = entry.ContactUnit;
        var reasons = new List<string> { Topic(entry, concept, weak) };
        if (entry.Unit.Id != contact.Id)
            reasons.Add(Lexicon.Phrase("part_of", language, ("unit", UnitName(entry.Unit)), ("owner", UnitName(contact))));
        if (escalation) reasons.Add(Lexicon.Phrase("escalation", language));
        var office = index.View.Offices.GetValueOrDefault(contact.OfficeId);
        var reach = index.View.Reach.Of(contact);
        return Reached(new RoutedContact(
            entry.Mailbox is null ? "unit" : "mailbox",
            UnitName(contact),
            entry.Mailbox?.Address ?? reach.Emails.FirstOrDefault()?.Value ?? "",
            contact.Id,
            UnitName(contact),
            office?.Id ?? "",
            office?.Name.In(language) ?? "",
            office?.City.En ?? "",
            "",
            weak ? Math.Min(Squash(raw), 0.3) : Squash(raw),
            reasons) { RecordKey = "unit:" + contact.Id }, reach);
    }

    /// <summary>
    /// Among suggestions of equal score, those that can be reached (an address or phone, or a route) first; a stable
    /// tie-break only, so the order of different scores is the router's.
    /// </summary>
    public static List<RoutedContact> ReachableFirst(List<RoutedContact> suggestions)
    {
        for (var start = 0; start < suggestions.Count;)
        {
            var end = start + 1;
            while (end < suggestions.Count && suggestions[end].Score == suggestions[start].Score) end++;
            if (end - start > 1)
            {
                var run = suggestions.GetRange(start, end - start).OrderBy(s => s.Reachable ? 0 : 1).ToList();
                for (var i = 0; i < run.Count; i++) suggestions[start + i] = run[i];
            }
            start = end;
        }
        return suggestions;
    }

    /// <summary>The contact's phones and, without an address of its own, its route, in the answer's language.</summary>
    private RoutedContact Reached(RoutedContact contact, Snapshots.Reach reach) => contact with
    {
        Phones = [.. reach.Phones.Select(p => p.Value)],
        Route = contact.Email.Length > 0 || reach.Route is not { } route ? null
            : new SuggestedRoute(route.Email, route.ViaId, route.ViaKind, route.ViaName.In(language), route.Reason.In(language), route.Source, route.Computed),
    };

    public RoutedContact Office(OfficeRecord office, double raw, Concept? concept, string? reason, bool weak = false)
    {
        var contact = OfficeContact(office, weak ? Math.Min(Squash(raw), 0.3) : Squash(raw),
            weak ? Lexicon.Phrase("weak_match", language, ("topic", concept?.Label(language) ?? office.Name.In(language)))
                 : reason ?? Lexicon.Phrase("topic", language, ("topic", concept?.Label(language) ?? office.Name.In(language))));
        return weak || OwnText(office) is not { } text ? contact : contact with { Reasons = [.. contact.Reasons, text] };
    }

    /// <summary>The first sentence of the office's own description (data/offices.json), in the answer's language
    /// where the source gives it.</summary>
    private string? OwnText(OfficeRecord office)
    {
        var text = office.Description.In(language).Trim();
        if (text.Length == 0) return null;
        var end = text.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? text[..(end + 1)] : text;
    }

    public RoutedContact RegionalSpecialist(FocalPointRecord focalPoint, Asker asker, double raw, Concept? concept)
    {
        var office = index.View.Offices.GetValueOrDefault(focalPoint.OfficeId);
        var unit = index.View.Units.GetValueOrDefault(focalPoint.UnitId);
        var role = focalPoint.RoleTitle.In(language);
        var officeName = office?.Name.In(language) ?? "";
        var reasons = new List<string>();
        if (mentionedPlace is not null) reasons.Add(Mentioned(asker));
        reasons.Add(Lexicon.Phrase("rts_first", language, ("office", officeName), ("country", asker.Country.Name.In(language))));
        if (concept is not null) reasons.Add(Lexicon.Phrase("topic", language, ("topic", concept.Label(language))));
        return FocalPoint(focalPoint, role, officeName, office, unit, raw, reasons);
    }

    /// <summary>A Regional Thematic Specialist when the question named no country: which region the office covers.</summary>
    public RoutedContact Specialist(FocalPointRecord focalPoint, double raw, Concept? concept)
    {
        var office = index.View.Offices.GetValueOrDefault(focalPoint.OfficeId);
        var unit = index.View.Units.GetValueOrDefault(focalPoint.UnitId);
        var role = focalPoint.RoleTitle.In(language);
        var officeName = office?.Name.In(language) ?? "";
        var reasons = new List<string> { Lexicon.Phrase("rts_of_office", language, ("office", officeName)) };
        if (concept is not null) reasons.Add(Lexicon.Phrase("topic", language, ("topic", concept.Label(language))));
        return FocalPoint(focalPoint, role, officeName, office, unit, raw, reasons);
    }

    private RoutedContact FocalPoint(FocalPointRecord focalPoint, string role, string officeName, OfficeRecord? office, UnitRecord? unit, double raw,
        List<string> reasons)
    {
        var reach = index.View.Reach.Of(focalPoint);
        return Reached(new RoutedContact("focal_point", $"{role}, {officeName}", reach.Emails.FirstOrDefault()?.Value ?? "", focalPoint.UnitId,
            unit is null ? "" : UnitName(unit), focalPoint.OfficeId, officeName, office?.City.En ?? "", role,
            Math.Min(1.0, Squash(raw) + 0.0001), reasons)
        {
            RecordKey = "focal_point:" + focalPoint.Id, PersonName = focalPoint.Person ?? "", PersonTitle = focalPoint.PersonTitle ?? "",
        }, reach);
    }

    public RoutedContact RegionalOfficeWithoutSpecialist(Asker asker, double raw)
    {
        var contact = OfficeContact(asker.RegionalOffice, Squash(raw), Lexicon.Phrase("no_rts", language,
            ("office", asker.RegionalOffice.Name.In(language)), ("country", asker.Country.Name.In(language))));
        return mentionedPlace is null ? contact : contact with { Reasons = [Mentioned(asker), .. contact.Reasons] };
    }

    private string Mentioned(Asker asker) =>
        Lexicon.Phrase("place_understood", language, ("place", mentionedPlace!), ("office", asker.RegionalOffice.Name.In(language)));

    public RoutedContact FallbackRegionalOffice(Asker asker) =>
        OfficeContact(asker.RegionalOffice, FallbackScore * 2, Lexicon.Phrase("fallback_regional", language, ("office", asker.RegionalOffice.Name.In(language))));

    public RoutedContact Fallback(RoutingUnits.Entry entry) =>
        Unit(entry, 0, null, escalation: false) with { Score = FallbackScore, Reasons = [Lexicon.Phrase("fallback", language)] };

    public RoutedContact Fallback(OfficeRecord office) => OfficeContact(office, FallbackScore, Lexicon.Phrase("fallback", language));

    private RoutedContact OfficeContact(OfficeRecord office, double score, string reason)
    {
        var reach = index.View.Reach.Of(office);
        return Reached(new RoutedContact("office", office.Name.In(language), reach.Emails.FirstOrDefault()?.Value ?? "", "", "", office.Id,
            office.Name.In(language), office.City.En, "", score, [reason]) { RecordKey = "office:" + office.Id }, reach);
    }

    private string UnitName(UnitRecord unit)
    {
        var name = unit.Name.In(language);
        return unit.Acronym is { Length: > 0 } acronym && !name.Contains(acronym, StringComparison.Ordinal) ? $"{name} ({acronym})" : name;
    }

    /// <summary>Why this unit: the concept matched, else the responsibility sharing most words with the question.</summary>
    private string Topic(RoutingUnits.Entry entry, Concept? concept, bool weak)
    {
        var topic = concept?.Label(language) ?? BestPhrase(entry) ?? UnitName(entry.Unit);
        return Lexicon.Phrase(weak ? "weak_match" : concept is null ? "responsibility" : "topic", language, ("topic", topic));
    }

    private string? BestPhrase(RoutingUnits.Entry entry)
    {
        _questionStems ??= [.. analysis.ContentStems.Select(index.Stems.Number).Where(n => n >= 0)];
        string? best = null;
        var bestScore = 0.0;
        var phraseNumber = 0;
        var names = entry.Unit.Name.All().Select(n => (Language: "", Text: n));
        foreach (var (phraseLanguage, phrase) in entry.Unit.Responsibilities.All().Concat(names))
        {
            var overlap = 0;
            foreach (var stem in index.Stems.PhraseStems(entry.Number, phraseNumber++))
                if (Array.IndexOf(_questionStems, stem) >= 0) overlap++;
            var score = overlap + (phraseLanguage == language ? 0.5 : 0);
            if (overlap > 0 && score > bestScore) { best = phrase; bestScore = score; }
        }
        return best;
    }
}
