using IomDirectory.Server.Text;
using IomDirectory.Server.Domain;
using IomDirectory.Server.Snapshots;
namespace IomDirectory.Server.Routing;

/// <summary>
/// Routes a question on one <see cref="RoutingIndex"/>: scores units (lexicon concepts first, unit texts second)
/// and offices (concept targets and office rules), turns units into their contacts, applies "RTS first" for
/// emergency topics when the asker's country is known, and falls back with confident = false when nothing matches.
/// </summary>
public static class ContactRouter
{
    private const double ConfidentAt = 0.55;
    private const double OfficeRuleScore = 3.0;

    private sealed class Candidate
    {
        public RoutingUnits.Entry? Unit { get; init; }
        public OfficeRecord? Office { get; init; }
        public double Raw { get; set; }
        public double Best { get; set; }
        public Concept? Concept { get; set; }
        public string? OfficeReason { get; set; }
    }

    /// <summary>
    /// A scored contact while ranking, a unit contact (by number) or an office candidate: by score, then offices
    /// before units, then by id (the order of the keys "office:ID" and "unit:ID").
    /// </summary>
    private readonly record struct Ranked(double Score, string Id, int Contact, Candidate? Office) : IRanked<Ranked>
    {
        public int CompareTo(Ranked other)
        {
            var byScore = other.Score.CompareTo(Score);
            if (byScore != 0) return byScore;
            var byKind = (other.Office is not null).CompareTo(Office is not null);
            return byKind != 0 ? byKind : string.CompareOrdinal(Id, other.Id);
        }
    }

    public static RoutingResult Route(RoutingIndex index, RouteRequest request)
    {
        var analysis = QueryAnalysis.Analyze(request.Query, index, request.LanguageHint);
        var language = analysis.Language;
        // The explicit asker_country wins; else a country (or region) named in the question stands for it.
        var mentioned = request.Asker is null ? MentionedPlace(index, analysis, language) : null;
        var asker = request.Asker ?? mentioned?.Asker;
        var max = request.MaxResults == 0 ? 5 : request.MaxResults;
        // Enough of the ranking for the answer: the RTS-first rule drops at most one office; the fallback list drops
        // at most one candidate per fixed entry (the regional office, the fallback units and offices).
        var needed = max + 1 + index.Lexicon.Rules.FallbackUnits.Count + index.Lexicon.Rules.FallbackOffices.Count;

        var offices = new Dictionary<string, Candidate>(StringComparer.Ordinal);
        List<Candidate> ranked;
        var scratch = index.RentScratch();
        try
        {
            UnitScorer.Score(index, analysis, scratch);
            ScoreOffices(index, analysis, request.Asker, language, offices);
            ranked = Rank(index.Units, scratch, offices.Values, needed);
        }
        finally
        {
            index.Return(scratch);
        }

        // Confident: the directory clearly answers. Not when the ask is out of scope (personal, general knowledge, another
        // organization's business), even if it names a country, an office or a directory word.
        var confident = ranked.Count > 0 && ranked[0].Raw >= ConfidentAt && !analysis.MostlyUnknown && !analysis.OutOfScope;
        var writer = new SuggestionWriter(index, language, analysis, mentioned?.Place);
        var suggestions = confident
            ? Confident(index, asker, analysis, ranked, writer, max)
            : Fallback(index, request.Asker, ranked, writer);
        return new RoutingResult(SuggestionWriter.ReachableFirst(suggestions.Take(max).ToList()), language, confident);
    }

    /// <summary>The country routing reads the asker to be in from the question alone (see <see cref="MentionedPlace"/>), or null.</summary>
    public static string? CountryNamed(RoutingIndex index, QueryAnalysis analysis) =>
        MentionedPlace(index, analysis, "en")?.Asker.Country.Code;

    /// <summary>An asker from the question itself: the place it names that says most where the asker is (the office in a
    /// signature, "our office in…", any place, in that order; the first of equals), else the first region it names (its
    /// anchor country), else the first nationality's country, else a place named as an origin or destination; with the
    /// name to quote in the reason ("Malakal, in South Sudan").</summary>
    private static (Asker Asker, string Place)? MentionedPlace(RoutingIndex index, QueryAnalysis analysis, string language)
    {
        var view = index.View;
        Asker? AskerFor(string code) =>
            view.Snapshot.Countries.ByCode(code) is { } country && view.Coverage.GetValueOrDefault(code) is { } coverage
            && view.Offices.GetValueOrDefault(coverage.RegionalOfficeId) is { } office ? new Asker(country, office) : null;
        string Label(PlaceMention place, Asker asker) => place.Name is null ? asker.Country.Name.In(language)
            : index.Lexicon.Phrase("place_in_country", language, ("place", place.Name), ("country", asker.Country.Name.In(language)));
        foreach (var place in analysis.Places.Where(p => p.Strength > PlaceMention.Origin).OrderByDescending(p => p.Strength))
            if (AskerFor(place.Country) is { } asker) return (asker, Label(place, asker));
        foreach (var region in analysis.Regions)
            if (AskerFor(region.Anchor) is { } asker) return (asker, region.Label(language));
        // Only a nationality ("our Ethiopian colleagues", "Syrian refugees"): the country it names.
        foreach (var code in analysis.Countries.Except(analysis.Places.Select(p => p.Country)))
            if (AskerFor(code) is { } asker) return (asker, asker.Country.Name.In(language));
        // Only an origin or a destination ("arrivals from Sudan"): last of all.
        foreach (var place in analysis.Places)
            if (AskerFor(place.Country) is { } asker) return (asker, Label(place, asker));
        return null;
    }

    /// <summary>The <paramref name="needed"/> best contacts with a positive score, in <see cref="Ranked"/> order.</summary>
    private static List<Candidate> Rank(RoutingUnits units, RoutingScratch scratch, IEnumerable<Candidate> offices, int needed)
    {
        var selection = new TopSelection<Ranked>(needed);
        foreach (var contact in scratch.Contacts.Touched)
            if (scratch.Contacts[contact].Raw is var raw and > 0 && selection.Admits(raw))
                selection.Offer(new Ranked(raw, units[units.ContactUnit(contact)].Id, contact, null));
        foreach (var office in offices)
            if (office.Raw > 0) selection.Offer(new Ranked(office.Raw, office.Office!.Id, -1, office));
        return [.. selection.Best().Select(r => r.Office ?? UnitCandidate(units, scratch, r.Contact))];
    }

    private static Candidate UnitCandidate(RoutingUnits units, RoutingScratch scratch, int contact)
    {
        var scored = scratch.Contacts[contact];
        return new Candidate
        {
            Unit = units.EntryOf(scored.BestUnit), Raw = scored.Raw, Concept = scratch.Concepts[scratch.Units[scored.BestUnit].ConceptSlot].Best,
        };
    }

    private static void ScoreOffices(RoutingIndex index, QueryAnalysis analysis, Asker? asker, string language, Dictionary<string, Candidate> candidates)
    {
        var view = index.View;
        void Add(OfficeRecord office, double score, Concept? concept, string? reason)
        {
            if (!candidates.TryGetValue(office.Id, out var c)) candidates[office.Id] = c = new Candidate { Office = office };
            c.Raw += score;
            if (score >= c.Best) { c.Best = score; c.Concept = concept ?? c.Concept; c.OfficeReason = reason ?? c.OfficeReason; }
        }
        string Name(OfficeRecord o) => o.Name.In(language);
        string CountryName(string code) => view.Snapshot.Countries.ByCode(code)?.Name.In(language) ?? code;

        foreach (var (concept, weight) in analysis.Concepts)
        {
            foreach (var id in concept.Offices)
                if (view.Offices.TryGetValue(id, out var office)) Add(office, weight, concept, null);
            foreach (var type in concept.OfficeTypes)
                if (LexiconLoader.OfficeTypeOf(type) is { } officeType && index.OfficesByType.TryGetValue(officeType, out var offices))
                    foreach (var office in offices.Where(o => InPlace(view, analysis, o)))
                        Add(office, weight * 0.8, concept, index.Lexicon.Phrase("office_type", language, ("office", Name(office))));
        }

        var cue = analysis.HasTag(Concept.OfficeCueTag);
        if (analysis.HasTag(Concept.RegionalOfficeTag))
        {
            var countries = analysis.Countries.Count > 0 ? analysis.Countries.Select(c => (Code: c, Place: CountryName(c)))
                : analysis.Regions.Count > 0 ? analysis.Regions.Select(r => (Code: r.Anchor, Place: r.Label(language)))
                : cue && asker is not null ? [(asker.Country.Code, CountryName(asker.Country.Code))] : [];
            var subRegional = analysis.Concepts.Keys.Any(c => c.OfficeTypes.Contains("sub_regional_office"));
            foreach (var (code, place) in countries)
            {
                if (view.Coverage.GetValueOrDefault(code) is not { } coverage) continue;
                if (view.Offices.GetValueOrDefault(coverage.RegionalOfficeId) is { } ro)
                    Add(ro, OfficeRuleScore, null, index.Lexicon.Phrase("regional_office", language, ("office", Name(ro)), ("country", place)));
                if (coverage.SubRegionalOfficeId is { } sroId && view.Offices.GetValueOrDefault(sroId) is { } sro)
                    Add(sro, OfficeRuleScore * (subRegional ? 1.2 : 0.8), null, index.Lexicon.Phrase("sub_regional_office", language, ("office", Name(sro)), ("country", place)));
            }
        }
        if (analysis.HasTag(Concept.ResourceMobilizationTag))
        {
            var types = index.Lexicon.Rules.ResourceMobilizationOfficeTypes.Select(LexiconLoader.OfficeTypeOf).ToHashSet();
            foreach (var office in view.OrderedOffices.Where(o => analysis.Countries.Contains(o.Country)))
                if (types.Contains(office.Type) || view.Functions[office.Id].Any(f => f.Kind == "resource_mobilization"))
                    Add(office, OfficeRuleScore, null, index.Lexicon.Phrase("resource_mobilization", language, ("office", Name(office)), ("country", CountryName(office.Country))));
        }
        if (analysis.HasTag(Concept.CoordinationTag) || cue)
            foreach (var key in analysis.Subregions)
            foreach (var (office, function) in index.Subregions[key])
                Add(office, OfficeRuleScore, null, index.Lexicon.Phrase("coordination", language, ("office", Name(office)), ("subregion", function.Subregion.In(language))));

        if (cue)
            foreach (var candidate in candidates.Values)
                candidate.Raw = candidate.Raw * 1.5 + 0.5;
    }

    /// <summary>Whether an office is in the place the question names: in a country it names, else among the regional
    /// and sub-regional offices covering a region it names; any office when it names neither.</summary>
    private static bool InPlace(DirectoryView view, QueryAnalysis analysis, OfficeRecord office)
    {
        if (analysis.Countries.Count > 0) return analysis.Countries.Contains(office.Country);
        if (analysis.Regions.Count == 0) return true;
        foreach (var region in analysis.Regions)
            if (view.Coverage.GetValueOrDefault(region.Anchor) is { } coverage
                && (coverage.RegionalOfficeId == office.Id || coverage.SubRegionalOfficeId == office.Id || office.Country == region.Anchor))
                return true;
        return false;
    }

    /// <summary>The best <paramref name="max"/> contacts, written; "RTS first" for an emergency topic.</summary>
    private static List<RoutedContact> Confident(RoutingIndex index, Asker? asker, QueryAnalysis analysis, List<Candidate> ranked, SuggestionWriter writer, int max)
    {
        RoutedContact Write(Candidate c, bool escalation = false) => c.Office is not null
            ? writer.Office(c.Office, c.Raw, c.Concept, c.OfficeReason)
            : writer.Unit(c.Unit!.Value, c.Raw, c.Concept, escalation);
        var top = ranked[0];
        var askedForSpecialist = analysis.HasTag(Concept.RegionalSpecialistTag);
        if (askedForSpecialist && asker is null)
        {
            // "Who are the Regional Thematic Specialists?": all of them, then the rest.
            var all = index.View.FocalPoints.Where(f => top.Unit is not { } u || index.Units.InChain(u.Number, f.UnitId))
                .Select(f => writer.Specialist(f, top.Raw, top.Concept)).ToList();
            return [.. all, .. ranked.Select(c => Write(c))];
        }
        // A shorter, sharper list: contacts far below the best one are dropped (routing.json relative_cut).
        ranked = [.. ranked.Where(c => c.Raw >= top.Raw * index.Lexicon.Rules.RelativeCut)];
        if (asker is null || top.Unit is not { } topUnit || !(askedForSpecialist || index.Units.IsEmergency(topUnit.Number)))
            return [.. ranked.Take(max).Select(c => Write(c))];

        var rts = index.View.FocalPoints.FirstOrDefault(f => f.OfficeId == asker.RegionalOffice.Id && index.Units.InChain(topUnit.Number, f.UnitId));
        if (rts is not null)
            return [writer.RegionalSpecialist(rts, asker, top.Raw, top.Concept), Write(top, escalation: true), .. ranked.Skip(1).Take(max - 2).Select(c => Write(c))];
        var result = ranked.Where(c => c.Office?.Id != asker.RegionalOffice.Id).Take(max).Select(c => Write(c)).ToList();
        result.Insert(1, writer.RegionalOfficeWithoutSpecialist(asker, top.Raw * 0.95));
        return result;
    }

    private static List<RoutedContact> Fallback(RoutingIndex index, Asker? asker, List<Candidate> weak, SuggestionWriter writer)
    {
        var result = new List<RoutedContact>();
        if (asker is not null) result.Add(writer.FallbackRegionalOffice(asker));
        foreach (var id in index.Lexicon.Rules.FallbackUnits)
            if (index.Units.TryFind(id, out var unit)) result.Add(writer.Fallback(index.Units.EntryOf(unit)));
        foreach (var id in index.Lexicon.Rules.FallbackOffices)
            if (index.View.Offices.TryGetValue(id, out var office)) result.Add(writer.Fallback(office));
        result.AddRange(weak.Select(c => c.Office is not null
            ? writer.Office(c.Office, c.Raw, c.Concept, c.OfficeReason, weak: true)
            : writer.Unit(c.Unit!.Value, c.Raw, c.Concept, escalation: false, weak: true)));
        return result.DistinctBy(r => (r.Kind, r.Email, r.UnitId, r.OfficeId)).ToList();
    }
}
