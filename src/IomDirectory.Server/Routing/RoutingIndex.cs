using IomDirectory.Server.Domain;
using IomDirectory.Server.ReadModel;
using Microsoft.Extensions.ObjectPool;

namespace IomDirectory.Server.Routing;

/// <summary>
/// Everything routing needs about one view of the org chart, computed once: lexicon terms by stem, the units
/// (<see cref="RoutingUnits"/>: each one's contact), their texts' stems weighted by rarity (<see cref="UnitStems"/>),
/// country and sub-region names. A question then costs tokenizing, dictionary lookups and adding into pooled score arrays.
/// </summary>
public sealed class RoutingIndex
{
    public sealed record TermEntry(Concept Concept, string[] Stems, bool[] NeedsCapitals, double Weight);

    private readonly Dictionary<string, List<TermEntry>> _terms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<TermEntry>> _exactTerms = new(StringComparer.Ordinal);
    private readonly ObjectPool<RoutingScratch> _scratch;
    private readonly HashSet<string> _termStems;

    public RoutingIndex(DirectoryView view, Lexicon lexicon, UnitWords words)
    {
        View = view;
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

        Units = new RoutingUnits(words, view, lexicon);
        Stems = new UnitStems(words, lexicon);
        _scratch = ScratchPool.Create(() => new RoutingScratch(Units.Count, Units.ContactCount));

        var functions = view.Offices.Values
            .SelectMany(o => view.Functions[o.Id].Where(f => f.Kind == "coordination" && !f.Subregion.IsEmpty).Select(f => (Office: o, Function: f)))
            .ToList();
        Places = new PlaceNames(view, lexicon, functions.SelectMany(p => p.Function.Subregion.All()));
        Subregions = functions
            .SelectMany(p => p.Function.Subregion.All().Select(name => (Key: Places.KeyOf(name), p.Office, p.Function)))
            .GroupBy(p => p.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<(OfficeRecord, OfficeFunctionRecord)>)g.Select(p => (p.Office, p.Function)).Distinct().ToList(), StringComparer.Ordinal);
        var vocabulary = lexicon.Concepts.SelectMany(c => c.Terms.Values.SelectMany(t => t)).SelectMany(RoutingText.Words)
            .Where(w => !lexicon.IsStopword(w.Folded)).ToList();
        _termStems = vocabulary.Select(w => w.Stem).ToHashSet(StringComparer.Ordinal);
        // Function and generic words are in the vocabulary too, so that "guidnce" reads as "guidance" (a word that
        // carries no topic), not as the nearest topic or place.
        Fuzzy = new FuzzyVocabulary(vocabulary.Select(w => w.Folded).Concat(Places.Words)
            .Concat(lexicon.Stopwords.Values.SelectMany(w => w)).Concat(lexicon.GenericWords));
        OfficesByType = view.OrderedOffices.GroupBy(o => o.Type).ToDictionary(g => g.Key, g => (IReadOnlyList<OfficeRecord>)g.ToList());
    }

    public DirectoryView View { get; }
    public Lexicon Lexicon { get; }
    public LanguageDetector Detector { get; }
    public RoutingUnits Units { get; }
    public UnitStems Stems { get; }
    /// <summary>Country, region and sub-region names, aliases, cities and nationalities (<see cref="PlaceNames"/>).</summary>
    public PlaceNames Places { get; }
    public FuzzyVocabulary Fuzzy { get; }
    public IReadOnlyDictionary<string, IReadOnlyList<(OfficeRecord Office, OfficeFunctionRecord Function)>> Subregions { get; }
    public IReadOnlyDictionary<OfficeType, IReadOnlyList<OfficeRecord>> OfficesByType { get; }

    public IReadOnlyList<TermEntry> TermsStartingWith(string stem) => _terms.GetValueOrDefault(stem) ?? (IReadOnlyList<TermEntry>)[];
    public IReadOnlyList<TermEntry> ExactTermsStartingWith(string stem) => _exactTerms.GetValueOrDefault(stem) ?? (IReadOnlyList<TermEntry>)[];

    /// <summary>
    /// The word as routing reads it: itself when the lexicon, a place name or a unit text knows it (or it is short,
    /// a function word or an acronym), else its spelling correction on the lexicon's vocabulary, if any.
    /// </summary>
    public Word Read(Word word)
    {
        if (word.Capitals || word.Folded.Length < FuzzyVocabulary.MinLength || Lexicon.IsStopword(word.Folded)
            || _termStems.Contains(word.Stem) || Fuzzy.Contains(word.Folded) || Stems.Number(word.Stem) >= 0) return word;
        return Fuzzy.Correct(word.Folded) is { } corrected ? new Word(corrected, RoutingText.Stem(corrected), false) : word;
    }

    /// <summary>Whether the directory knows the word: a lexicon term's, a place's or a unit text's word, or an acronym.</summary>
    public bool Knows(Word word) =>
        word.Capitals || _termStems.Contains(word.Stem) || Fuzzy.Contains(word.Folded) || Stems.Number(word.Stem) >= 0;

    /// <summary>Score arrays for one question; give them back with <see cref="Return"/>, cleared.</summary>
    public RoutingScratch RentScratch() => _scratch.Get();

    public void Return(RoutingScratch scratch)
    {
        scratch.Clear();
        _scratch.Return(scratch);
    }

    /// <summary>Folded words joined by single spaces: the key of country and sub-region names.</summary>
    public static string Key(string text) => string.Join(' ', RoutingText.Words(text).Select(w => w.Folded));

    private void AddTerm(Concept concept, string term)
    {
        var words = RoutingText.Words(term);
        var kept = concept.Exact ? words : words.Where(w => !Lexicon.IsStopword(w.Folded) || w.Capitals).ToList();
        if (kept.Count == 0) return;
        var stems = kept.Select(w => w.Stem).ToArray();
        var needsCapitals = kept.Select(w => !concept.Exact && Lexicon.IsStopword(w.Folded)).ToArray();
        var distinct = stems.Distinct(StringComparer.Ordinal).Count();
        var entry = new TermEntry(concept, stems, needsCapitals, concept.Weight * (1 + 0.35 * (distinct - 1)));
        var index = concept.Exact ? _exactTerms : _terms;
        if (!index.TryGetValue(stems[0], out var list)) index[stems[0]] = list = [];
        list.Add(entry);
    }
}
