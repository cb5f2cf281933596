using IomDirectory.Server.Domain;

namespace IomDirectory.Server.Routing;

/// <summary>
/// Routes a question on one <see cref="RoutingIndex"/>: scores units (lexicon concepts first, unit texts second)
/// and offices (concept targets and office rules), turns units into their contacts, applies "RTS first" for
/// emergency topics when the asker's country is known, and falls back with confident = false when nothing matches.
/// </summary>
public static class ContactRouter
{
    // Unit texts add at most TextCeiling: a lexicon concept (weight ~1) outranks a unit whose long name merely
    // shares many words with the question; text alone still routes what the lexicon does not cover.
    private const double TextCeiling = 1.2;
    private const double TextHalfAt = 8.0;
    private const double AlsoFactor = 0.5;
    private const double ConfidentAt = 0.55;
    private const double OfficeRuleScore = 3.0;

    private sealed class Candidate(string key)
    {
        public string Key { get; } = key;
        public RoutingIndex.UnitEntry? Unit { get; set; }
        public OfficeRecord? Office { get; set; }
        public double Raw { get; set; }
        public double Best { get; set; }
        public Concept? Concept { get; set; }
        public string? OfficeReason { get; set; }
    }

    public static RoutingResult Route(RoutingIndex index, RouteRequest request)
    {
        var analysis = QueryAnalysis.Analyze(request.Query, index);
        var language = index.Detector.Detect(request.Query, analysis.Words, request.LanguageHint);
        var max = request.MaxResults == 0 ? 5 : request.MaxResults;
        var candidates = new Dictionary<string, Candidate>(StringComparer.Ordinal);

        ScoreUnits(index, analysis, candidates);
        ScoreOffices(index, analysis, request.Asker, language, candidates);
        var ranked = candidates.Values.Where(c => c.Raw > 0)
            .OrderByDescending(c => c.Raw).ThenBy(c => c.Key, StringComparer.Ordinal).ToList();

        var confident = ranked.Count > 0 && ranked[0].Raw >= ConfidentAt;
        var writer = new SuggestionWriter(index, language, analysis);
        var suggestions = confident
            ? Confident(index, request.Asker, ranked, writer)
            : Fallback(index, request.Asker, ranked, writer);
        return new RoutingResult(suggestions.Take(max).ToList(), language, confident);
    }

    private static void ScoreUnits(RoutingIndex index, QueryAnalysis analysis, Dictionary<string, Candidate> candidates)
    {
        var unitScores = new Dictionary<string, (double Score, Concept? Concept, double ConceptScore)>(StringComparer.Ordinal);
        foreach (var (concept, weight) in analysis.Concepts)
        {
            foreach (var (ids, factor) in new[] { (concept.Units, 1.0), (concept.AlsoUnits, AlsoFactor) })
            foreach (var id in ids)
            {
                if (!index.Units.ContainsKey(id)) continue;
                var (score, best, bestScore) = unitScores.GetValueOrDefault(id);
                var added = weight * factor;
                unitScores[id] = (score + added, added > bestScore ? concept : best, Math.Max(added, bestScore));
            }
        }
        var text = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var stem in analysis.ContentStems)
        foreach (var posting in index.Postings(stem))
            text[posting.Unit.Id] = text.GetValueOrDefault(posting.Unit.Id) + posting.Weight;
        foreach (var (unitId, x) in text)
        {
            var (score, best, bestScore) = unitScores.GetValueOrDefault(unitId);
            unitScores[unitId] = (score + TextCeiling * x / (x + TextHalfAt), best, bestScore);
        }
        foreach (var (unitId, (score, concept, _)) in unitScores)
        {
            var entry = index.Units[unitId];
            var key = "unit:" + entry.ContactUnit.Id;
            if (!candidates.TryGetValue(key, out var candidate)) candidates[key] = candidate = new Candidate(key);
            // The contact takes its best unit's score plus a little of every other unit it answers for.
            if (score > candidate.Best)
            {
                candidate.Raw += score - candidate.Best + 0.2 * candidate.Best;
                candidate.Best = score;
                candidate.Unit = entry;
                candidate.Concept = concept;
            }
            else candidate.Raw += 0.2 * score;
        }
    }

    private static void ScoreOffices(RoutingIndex index, QueryAnalysis analysis, Asker? asker, string language, Dictionary<string, Candidate> candidates)
    {
        var view = index.View;
        void Add(OfficeRecord office, double score, Concept? concept, string? reason)
        {
            var key = "office:" + office.Id;
            if (!candidates.TryGetValue(key, out var c)) candidates[key] = c = new Candidate(key) { Office = office };
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
                    foreach (var office in offices.Where(o => analysis.Countries.Count == 0 || analysis.Countries.Contains(o.Country)))
                        Add(office, weight * 0.8, concept, index.Lexicon.Phrase("office_type", language, ("office", Name(office))));
        }

        var cue = analysis.HasTag(Concept.OfficeCueTag);
        if (analysis.HasTag(Concept.RegionalOfficeTag))
        {
            var countries = analysis.Countries.Count > 0 ? analysis.Countries : cue && asker is not null ? [asker.Country.Code] : [];
            foreach (var code in countries)
            {
                if (view.Coverage.GetValueOrDefault(code) is not { } coverage) continue;
                if (view.Offices.GetValueOrDefault(coverage.RegionalOfficeId) is { } ro)
                    Add(ro, OfficeRuleScore, null, index.Lexicon.Phrase("regional_office", language, ("office", Name(ro)), ("country", CountryName(code))));
                if (coverage.SubRegionalOfficeId is { } sroId && view.Offices.GetValueOrDefault(sroId) is { } sro)
                    Add(sro, OfficeRuleScore * 0.8, null, index.Lexicon.Phrase("sub_regional_office", language, ("office", Name(sro)), ("country", CountryName(code))));
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
            foreach (var candidate in candidates.Values.Where(c => c.Office is not null))
                candidate.Raw = candidate.Raw * 1.5 + 0.5;
    }

    private static List<RoutedContact> Confident(RoutingIndex index, Asker? asker, List<Candidate> ranked, SuggestionWriter writer)
    {
        var top = ranked[0];
        var result = ranked.Select(c => c.Office is not null
            ? writer.Office(c.Office, c.Raw, c.Concept, c.OfficeReason)
            : writer.Unit(c.Unit!, c.Raw, c.Concept, escalation: false)).ToList();
        if (asker is null || top.Unit is not { IsEmergency: true } topUnit) return result;

        var rts = index.View.FocalPoints.FirstOrDefault(f => f.OfficeId == asker.RegionalOffice.Id && topUnit.Chain.Contains(f.UnitId));
        if (rts is not null)
        {
            result[0] = writer.Unit(topUnit, top.Raw, top.Concept, escalation: true);
            result.Insert(0, writer.RegionalSpecialist(rts, asker, top.Raw, top.Concept));
        }
        else
        {
            result.RemoveAll(r => r.OfficeId == asker.RegionalOffice.Id && r.Kind == "office");
            result.Insert(Math.Min(1, result.Count), writer.RegionalOfficeWithoutSpecialist(asker, top.Raw * 0.95));
        }
        return result;
    }

    private static List<RoutedContact> Fallback(RoutingIndex index, Asker? asker, List<Candidate> weak, SuggestionWriter writer)
    {
        var result = new List<RoutedContact>();
        if (asker is not null) result.Add(writer.FallbackRegionalOffice(asker));
        foreach (var id in index.Lexicon.Rules.FallbackUnits)
            if (index.Units.TryGetValue(id, out var unit)) result.Add(writer.Fallback(unit));
        foreach (var id in index.Lexicon.Rules.FallbackOffices)
            if (index.View.Offices.TryGetValue(id, out var office)) result.Add(writer.Fallback(office));
        result.AddRange(weak.Select(c => c.Office is not null
            ? writer.Office(c.Office, c.Raw, c.Concept, c.OfficeReason, weak: true)
            : writer.Unit(c.Unit!, c.Raw, c.Concept, escalation: false, weak: true)));
        return result.DistinctBy(r => (r.Kind, r.Email, r.UnitId, r.OfficeId)).ToList();
    }
}
