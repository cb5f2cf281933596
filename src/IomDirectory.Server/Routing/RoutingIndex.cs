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

    private readonly LexiconTerms _lexiconTerms;
    private readonly ObjectPool<RoutingScratch> _scratch;
    private readonly HashSet<string> _termStems;

    public RoutingIndex(DirectoryView view, Lexicon lexicon, UnitWords words) : this(view, new LexiconTerms(lexicon), words, w => new FuzzyVocabulary(w))
    {
    }

    /// <param name="terms">The lexicon's part, shared by every view's index.</param>
    /// <param name="fuzzy">Makes the spelling vocabulary of these words (a cache may hand back the last one, for the same words).</param>
    public RoutingIndex(DirectoryView view, LexiconTerms terms, UnitWords words, Func<IReadOnlyList<string>, FuzzyVocabulary> fuzzy)
    {
        View = view;
        Lexicon = terms.Lexicon;
        _lexiconTerms = terms;
        Detector = terms.Detector;
        _termStems = terms.TermStems;

        Units = new RoutingUnits(words, view, Lexicon);
        Stems = new UnitStems(words, Lexicon);
        _scratch = ScratchPool.Create(() => new RoutingScratch(Units.Count, Units.ContactCount));

        var functions = view.Offices.Values
            .SelectMany(o => view.Functions[o.Id].Where(f => f.Kind == "coordination" && !f.Subregion.IsEmpty).Select(f => (Office: o, Function: f)))
            .ToList();
        Places = new PlaceNames(view, Lexicon, functions.SelectMany(p => p.Function.Subregion.All()));
        Subregions = functions
            .SelectMany(p => p.Function.Subregion.All().Select(name => (Key: Places.KeyOf(name), p.Office, p.Function)))
            .GroupBy(p => p.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<(OfficeRecord, OfficeFunctionRecord)>)g.Select(p => (p.Office, p.Function)).Distinct().ToList(), StringComparer.Ordinal);
        Fuzzy = fuzzy([.. terms.VocabularyWords, .. Places.Words]);
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

    public IReadOnlyList<TermEntry> TermsStartingWith(string stem) => _lexiconTerms.TermsStartingWith(stem);
    public IReadOnlyList<TermEntry> ExactTermsStartingWith(string stem) => _lexiconTerms.ExactTermsStartingWith(stem);

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
}
