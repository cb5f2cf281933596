using IomDirectory.Server.Text;
using IomDirectory.Server.Domain;
using IomDirectory.Server.Routing.Internal;
using Microsoft.Extensions.ObjectPool;
using IomDirectory.Server.Snapshots;

namespace IomDirectory.Server.Routing;

/// <summary>
/// Everything routing needs about one view of the org chart, computed once: lexicon terms by stem, the units
/// (<see cref="RoutingUnits"/>: each one's contact), their texts' stems weighted by rarity (<see cref="UnitStems"/>),
/// country and sub-region names. A question then costs tokenizing, dictionary lookups and adding into pooled score arrays.
/// </summary>
public sealed class RoutingIndex
{
    public sealed record TermEntry(Concept Concept, string[] Stems, bool[] NeedsCapitals, double Weight);

    /// <summary>
    /// Past this many units in its delta tier (<see cref="DeltaUnits"/>) an incremental index is worth a fresh base: its
    /// owner builds one in the background. Below it, <see cref="Next"/> costs the changes (a few milliseconds for
    /// thousands of units) and a question reads one small delta list per stem besides the base's.
    /// </summary>
    public const int MergeThreshold = 5000;

    private readonly LexiconTerms _lexiconTerms;
    private readonly ObjectPool<RoutingScratch> _scratch;
    private readonly HashSet<string> _termStems;
    private readonly Func<IReadOnlyList<string>, FuzzyVocabulary> _fuzzy;
    /// <summary>The fresh index an incremental one is layered on (itself for a fresh one), and the records changed since.</summary>
    private readonly RoutingIndex _base;
    private readonly HashSet<string> _changedSinceBase;

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
        _fuzzy = fuzzy;
        _base = this;
        _changedSinceBase = new HashSet<string>(StringComparer.Ordinal);

        Units = new RoutingUnits(words, view, Lexicon);
        Stems = new UnitStems(words, Lexicon);
        _scratch = ScratchPool.Create(() => new RoutingScratch(Units.Count, Units.ContactCount));
        (Places, Subregions, Fuzzy, OfficesByType) = OfficeParts(view, Lexicon, terms, fuzzy);
    }

    /// <summary>An incremental index: see <see cref="Next"/>.</summary>
    private RoutingIndex(RoutingIndex previous, DirectoryView view, IReadOnlySet<string> changedIds)
    {
        View = view;
        Lexicon = previous.Lexicon;
        _lexiconTerms = previous._lexiconTerms;
        Detector = previous.Detector;
        _termStems = previous._termStems;
        _fuzzy = previous._fuzzy;
        _base = previous._base;
        _changedSinceBase = new HashSet<string>(previous._changedSinceBase, StringComparer.Ordinal);
        _changedSinceBase.UnionWith(changedIds);

        var delta = RoutingDelta.Of(_base.Units, _base.View, view, _changedSinceBase);
        Units = _base.Units.Next(view, delta);
        Stems = _base.Stems.Next(Lexicon, view.Units.Count, delta.Texts, delta.Masked);
        DeltaUnits = delta.Units;
        _scratch = ScratchPool.Create(() => new RoutingScratch(Units.Count, Units.ContactCount));
        (Places, Subregions, Fuzzy, OfficesByType) = OfficesChanged(previous.View, view, changedIds)
            ? OfficeParts(view, Lexicon, _lexiconTerms, _fuzzy)
            : (previous.Places, previous.Subregions, previous.Fuzzy, previous.OfficesByType);
    }

    /// <summary>
    /// The routing index of <paramref name="newView"/>, given that between this index's view and it only the records
    /// whose ids are in <paramref name="changedIds"/> (of any kind: unit, office, mailbox, focal point, committee, office
    /// function, coverage) changed. It routes every question exactly as a fresh build for <paramref name="newView"/>
    /// would, and costs the changed units and their texts, the subtrees whose contact may change, and the few hundred
    /// offices when an office, function or coverage changed; never a pass over all units. Chained calls keep one base
    /// (a fresh index) and re-derive the delta from it and the newest view, with every change since the base.
    /// </summary>
    public RoutingIndex Next(DirectoryView newView, IReadOnlySet<string> changedIds) => new(this, newView, changedIds);

    /// <summary>How many units the delta tier holds (0 for a fresh build): past <see cref="MergeThreshold"/>, build a fresh base.</summary>
    public int DeltaUnits { get; }

    /// <summary>Country and sub-region names, coordination sub-regions, spelling vocabulary and offices by type.</summary>
    private static (PlaceNames, IReadOnlyDictionary<string, IReadOnlyList<(OfficeRecord, OfficeFunctionRecord)>>, FuzzyVocabulary,
        IReadOnlyDictionary<OfficeType, IReadOnlyList<OfficeRecord>>) OfficeParts(DirectoryView view, Lexicon lexicon, LexiconTerms terms,
        Func<IReadOnlyList<string>, FuzzyVocabulary> fuzzy)
    {
        var functions = view.Offices.Values
            .SelectMany(o => view.Functions[o.Id].Where(f => f.Kind == "coordination" && !f.Subregion.IsEmpty).Select(f => (Office: o, Function: f)))
            .ToList();
        var places = new PlaceNames(view, lexicon, functions.SelectMany(p => p.Function.Subregion.All()));
        var subregions = functions
            .SelectMany(p => p.Function.Subregion.All().Select(name => (Key: places.KeyOf(name), p.Office, p.Function)))
            .GroupBy(p => p.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<(OfficeRecord, OfficeFunctionRecord)>)g.Select(p => (p.Office, p.Function)).Distinct().ToList(), StringComparer.Ordinal);
        var vocabulary = fuzzy([.. terms.VocabularyWords, .. places.Words]);
        var byType = view.OrderedOffices.GroupBy(o => o.Type).ToDictionary(g => g.Key, g => (IReadOnlyList<OfficeRecord>)g.ToList());
        return (places, subregions, vocabulary, byType);
    }

    /// <summary>Whether an office, an office function or a coverage record is among the changed (in either view).</summary>
    private static bool OfficesChanged(DirectoryView before, DirectoryView after, IReadOnlySet<string> changed) =>
        changed.Any(id => before.Offices.ContainsKey(id) || after.Offices.ContainsKey(id))
        || before.Functions.SelectMany(f => f).Concat(after.Functions.SelectMany(f => f)).Any(f => changed.Contains(f.Id))
        || before.Coverage.Values.Concat(after.Coverage.Values).Any(c => changed.Contains(c.Id));

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
