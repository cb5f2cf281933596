using System.Runtime.CompilerServices;
using IomDirectory.Server.ReadModel;

namespace IomDirectory.Server.Routing;

/// <summary>
/// One <see cref="RoutingIndex"/> per view of the org chart, built on first use and kept as long as the view
/// lives (weakly: the cache never keeps a view alive). A new snapshot (a change to the org chart) brings new views, hence new indexes; <see cref="Warm"/>
/// builds today's routing and search indexes before the snapshot is published, so no request pays for them.
/// </summary>
public sealed class RoutingIndexCache(Lexicon lexicon)
{
    private readonly ConditionalWeakTable<DirectoryView, RoutingIndex> _indexes = new();
    private readonly LexiconTerms _terms = new(lexicon);
    private FuzzyEntry? _lastFuzzy;

    public Lexicon Lexicon { get; } = lexicon;

    /// <remarks>
    /// An index lives as long as its view: today's for the snapshot's life, another period's only while its snapshot keeps
    /// that view among the few recent ones. Building one for another period waits for a slot of <see cref="ViewLimits"/>.
    /// </remarks>
    public RoutingIndex For(DirectoryView view) => _indexes.TryGetValue(view, out var index) ? index
        : view.Snapshot.IsToday(view) ? _indexes.GetValue(view, v => Build(v, new UnitWords(v)))
        : ViewLimits.Build(() => _indexes.GetValue(view, v => Build(v, new UnitWords(v))));

    /// <summary>
    /// The index of <paramref name="view"/> from <paramref name="previous"/>'s, given the ids of the records changed between
    /// their views (<see cref="RoutingIndex.Next"/>), kept as <see cref="For"/> keeps a built one. Past
    /// <see cref="RoutingIndex.MergeThreshold"/> units in its delta, its owner builds a fresh one in the background.
    /// </summary>
    public RoutingIndex Next(RoutingIndex previous, DirectoryView view, IReadOnlySet<string> changedIds) =>
        _indexes.GetValue(view, v => previous.Next(v, changedIds));

    /// <summary>
    /// Builds today's routing and search indexes: the units' texts are read once for both (<see cref="UnitWords"/>),
    /// then the two are built side by side, sharing nothing they write.
    /// </summary>
    public void Warm(DirectorySnapshot snapshot)
    {
        var view = snapshot.At(DateTime.UtcNow);
        var words = new UnitWords(view);
        Parallel.Invoke(() => _indexes.GetValue(view, v => Build(v, words)), () => view.BuildSearch(words));
    }

    private RoutingIndex Build(DirectoryView view, UnitWords words) => new(view, _terms, words, Fuzzy);

    /// <summary>
    /// The spelling vocabulary of these words: the last one made when the words are the same (the lexicon's, and place
    /// names that change only when countries or coordination functions do), which spares most of an index's build.
    /// </summary>
    private FuzzyVocabulary Fuzzy(IReadOnlyList<string> words)
    {
        var key = words.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (Volatile.Read(ref _lastFuzzy) is { } last && last.Words.AsSpan().SequenceEqual(key)) return last.Vocabulary;
        var made = new FuzzyVocabulary(key);
        Volatile.Write(ref _lastFuzzy, new FuzzyEntry(key, made));
        return made;
    }

    private sealed record FuzzyEntry(string[] Words, FuzzyVocabulary Vocabulary);
}
