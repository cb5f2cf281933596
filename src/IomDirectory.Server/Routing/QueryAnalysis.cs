namespace IomDirectory.Server.Routing;

/// <summary>What a question says, as far as routing is concerned: its words, the concepts it names, the countries
/// and sub-regions it mentions. Pure function of the question and the index.</summary>
public sealed class QueryAnalysis
{
    private QueryAnalysis(List<Word> words, string[] contentStems) { Words = words; ContentStems = contentStems; }

    public List<Word> Words { get; }
    public string[] ContentStems { get; }
    public Dictionary<Concept, double> Concepts { get; } = [];
    public List<string> Countries { get; } = [];
    public List<string> Subregions { get; } = [];
    /// <summary>Countries named by name, alias or city (not by nationality), in the order named.</summary>
    public List<string> NamedCountries { get; } = [];
    public List<Region> Regions { get; } = [];

    /// <summary>Content words (not function words, not place names) the directory knows, and those it does not.</summary>
    public int KnownWords { get; private set; }
    public int UnknownWords { get; private set; }

    /// <summary>
    /// Most of what the question is about is foreign to the directory ("a good restaurant near the office", "buy
    /// tickets for the concert") and at most one topic matched: whatever a word matched, no unit clearly answers it.
    /// A chatty real question ("hi team, quick one: … displacement crisis … shelter guidance") names several topics.
    /// </summary>
    public bool MostlyUnknown => UnknownWords > KnownWords && Concepts.Keys.Count(c => c.Weight > 0) < 2;

    private readonly HashSet<string> _placeWords = new(StringComparer.Ordinal);

    public bool HasTag(string tag) => Concepts.Keys.Any(c => c.Tag == tag);

    public static QueryAnalysis Analyze(string query, RoutingIndex index)
    {
        var words = RoutingText.Words(query);
        for (var i = 0; i < words.Count; i++) words[i] = index.Read(words[i]);
        var content = words.Where(w => !index.Lexicon.IsStopword(w.Folded) || w.Capitals).ToList();
        var analysis = new QueryAnalysis(words, content.Select(w => w.Stem).Distinct(StringComparer.Ordinal).ToArray());
        var stems = new HashSet<string>(analysis.ContentStems, StringComparer.Ordinal);
        var capitalStems = new HashSet<string>(content.Where(w => w.Capitals).Select(w => w.Stem), StringComparer.Ordinal);
        foreach (var stem in analysis.ContentStems)
        foreach (var term in index.TermsStartingWith(stem))
            if (Contains(term, stems, capitalStems)) analysis.Note(term);
        for (var i = 0; i < words.Count; i++)
        foreach (var term in index.ExactTermsStartingWith(words[i].Stem))
            if (Sequence(term, words, i)) analysis.Note(term);
        analysis.FindPlaces(index);
        foreach (var word in content)
            if (!analysis._placeWords.Contains(word.Folded) && word.Folded.Length >= 3)
                _ = index.Knows(word) ? analysis.KnownWords++ : analysis.UnknownWords++;
        return analysis;
    }

    private void Note(RoutingIndex.TermEntry term) =>
        Concepts[term.Concept] = Math.Max(Concepts.GetValueOrDefault(term.Concept), term.Weight);

    private static bool Contains(RoutingIndex.TermEntry term, HashSet<string> stems, HashSet<string> capitalStems)
    {
        for (var i = 0; i < term.Stems.Length; i++)
            if (!(term.NeedsCapitals[i] ? capitalStems : stems).Contains(term.Stems[i])) return false;
        return true;
    }

    private static bool Sequence(RoutingIndex.TermEntry term, List<Word> words, int start)
    {
        if (start + term.Stems.Length > words.Count) return false;
        for (var i = 0; i < term.Stems.Length; i++)
            if (!string.Equals(words[start + i].Stem, term.Stems[i], StringComparison.Ordinal)) return false;
        return true;
    }

    /// <summary>
    /// Longest-first scan of the question's content words for place names (<see cref="PlaceNames"/>): countries in
    /// the order named (nationalities too), the countries the asker speaks of (names, aliases, cities: not
    /// nationalities, since "Venezuelan migrants in Colombia" is asked from Colombia), regions and sub-regions.
    /// </summary>
    private void FindPlaces(RoutingIndex index)
    {
        var places = index.Places;
        var words = places.Content(Words).ToList();
        var key = new System.Text.StringBuilder();
        for (var i = 0; i < words.Count; i++)
        {
            if (!places.FirstWords.Contains(words[i].Folded)) continue;
            var (matched, entry) = (0, (PlaceNames.Entry?)null);
            key.Clear();
            var capitals = true;
            for (var n = 1; n <= places.MaxWords && i + n <= words.Count; n++)
            {
                if (n > 1) key.Append(' ');
                key.Append(words[i + n - 1].Folded);
                capitals &= words[i + n - 1].Capitals;
                if (places[key.ToString()] is { } found && (capitals || !found.NeedsCapitals)) (matched, entry) = (n, found);
            }
            if (entry is null) continue;
            for (var n = 0; n < matched; n++) _placeWords.Add(words[i + n].Folded);
            if (entry.Country is { } code)
            {
                if (!Countries.Contains(code)) Countries.Add(code);
                if (entry.Naming == PlaceNames.CountryNaming.Name && !NamedCountries.Contains(code)) NamedCountries.Add(code);
            }
            if (entry.Region is { } region && !Regions.Contains(region)) Regions.Add(region);
            if (entry.Subregion is { } subregion && !Subregions.Contains(subregion)) Subregions.Add(subregion);
            i += matched - 1;
        }
    }
}
