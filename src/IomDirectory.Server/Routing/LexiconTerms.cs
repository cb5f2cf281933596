namespace IomDirectory.Server.Routing;

/// <summary>
/// What routing derives from the lexicon alone — its terms by first stem, the language each term word belongs to, the
/// stems and words of its vocabulary — built once per lexicon and shared by the routing index of every view (a
/// change to the org chart builds a new index, not these).
/// </summary>
public sealed class LexiconTerms
{
    private readonly Dictionary<string, List<RoutingIndex.TermEntry>> _terms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<RoutingIndex.TermEntry>> _exactTerms = new(StringComparer.Ordinal);

    public LexiconTerms(Lexicon lexicon)
    {
        Lexicon = lexicon;
        var termLanguages = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var concept in lexicon.Concepts)
        foreach (var (language, terms) in concept.Terms)
        foreach (var term in terms)
        {
            AddTerm(concept, term);
            foreach (var word in RoutingText.Words(term).Where(w => !lexicon.IsStopword(w.Folded)))
                termLanguages[word.Folded] = termLanguages.TryGetValue(word.Folded, out var seen) && seen != language ? "" : language;
        }
        Detector = new LanguageDetector(lexicon, termLanguages.Where(p => p.Value.Length > 0).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));
        var vocabulary = lexicon.Concepts.SelectMany(c => c.Terms.Values.SelectMany(t => t)).SelectMany(RoutingText.Words)
            .Where(w => !lexicon.IsStopword(w.Folded)).ToList();
        TermStems = vocabulary.Select(w => w.Stem).ToHashSet(StringComparer.Ordinal);
        // Function and generic words are in the vocabulary too, so that "guidnce" reads as "guidance" (a word that
        // carries no topic), not as the nearest topic or place.
        VocabularyWords = [.. vocabulary.Select(w => w.Folded).Concat(lexicon.Stopwords.Values.SelectMany(w => w)).Concat(lexicon.GenericWords)];
    }

    public Lexicon Lexicon { get; }
    public LanguageDetector Detector { get; }
    public HashSet<string> TermStems { get; }

    /// <summary>The lexicon's words for spelling correction (a view adds its place names).</summary>
    public IReadOnlyList<string> VocabularyWords { get; }

    public IReadOnlyList<RoutingIndex.TermEntry> TermsStartingWith(string stem) => _terms.GetValueOrDefault(stem) ?? (IReadOnlyList<RoutingIndex.TermEntry>)[];
    public IReadOnlyList<RoutingIndex.TermEntry> ExactTermsStartingWith(string stem) => _exactTerms.GetValueOrDefault(stem) ?? (IReadOnlyList<RoutingIndex.TermEntry>)[];

    private void AddTerm(Concept concept, string term)
    {
        var words = RoutingText.Words(term);
        var kept = concept.Exact ? words : words.Where(w => !Lexicon.IsStopword(w.Folded) || w.Capitals).ToList();
        if (kept.Count == 0) return;
        var stems = kept.Select(w => w.Stem).ToArray();
        var needsCapitals = kept.Select(w => !concept.Exact && Lexicon.IsStopword(w.Folded)).ToArray();
        var distinct = stems.Distinct(StringComparer.Ordinal).Count();
        var entry = new RoutingIndex.TermEntry(concept, stems, needsCapitals, concept.Weight * (1 + 0.35 * (distinct - 1)));
        var index = concept.Exact ? _exactTerms : _terms;
        if (!index.TryGetValue(stems[0], out var list)) index[stems[0]] = list = [];
        list.Add(entry);
    }
}
