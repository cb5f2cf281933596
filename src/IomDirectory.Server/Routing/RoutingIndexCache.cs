using System.Runtime.CompilerServices;
using IomDirectory.Server.Snapshots;
using IomDirectory.Server.Search;
namespace IomDirectory.Server.Routing;

/// <summary>
/// One <see cref="RoutingIndex"/> per view of the org chart, built on first use and kept as long as the view
/// lives (weakly: the cache never keeps a view alive). A new snapshot (a change to the org chart) brings new views, hence new indexes; <see cref="Warm"/>
/// builds today's routing and search indexes before the snapshot is published, so no request pays for them.
/// </summary>
public sealed class RoutingIndexCache
{
    private readonly ConditionalWeakTable<DirectoryView, RoutingIndex> _indexes = new();
    private readonly TodayIndexMerge _merge;
    private readonly LexiconTerms _terms;
    private FuzzyEntry? _lastFuzzy;

    /// <param name="mergeEveryChanges">Merge today's delta tiers after this many changes whatever their size (0: by size only).</param>
    public RoutingIndexCache(Lexicon lexicon, int mergeEveryChanges = 0, ILogger? logger = null)
    {
        Lexicon = lexicon;
        _terms = new LexiconTerms(lexicon);
        _merge = new TodayIndexMerge(BuildBase, Swap, mergeEveryChanges, logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
    }

    /// <summary>Background merges of today's delta tiers swapped in so far (<see cref="TodayIndexMerge"/>).</summary>
    public int Merges
    {
        get { lock (_merge.Lock) return _merge.Merged; }
    }

    public Lexicon Lexicon { get; }

    /// <remarks>
    /// An index lives as long as its view: today's for the snapshot's life, another period's only while its snapshot keeps
    /// that view among the few recent ones. Building one for another period waits for a slot of <see cref="ViewLimits"/>.
    /// </remarks>
    public RoutingIndex For(DirectoryView view) => _indexes.TryGetValue(view, out var index) ? index
        : view.Snapshot.IsToday(view) ? _indexes.GetValue(view, v => Build(v, new UnitWords(v)))
        : ViewLimits.Build(() => _indexes.GetValue(view, v => Build(v, new UnitWords(v))));

    /// <summary>
    /// Builds today's routing and search indexes: the units' texts are read once for both (<see cref="UnitWords"/>),
    /// then the two are built side by side, sharing nothing they write.
    /// </summary>
    public void Warm(DirectorySnapshot snapshot) => Warm(new SnapshotLoading(snapshot, null, null));

    /// <summary>
    /// Gives today's view of a snapshot about to be published its routing and search indexes. When the snapshot follows
    /// the previous one by the changes it names, and today's view is the previous one patched
    /// (<see cref="DirectorySnapshot.TodayWasPatched"/>), the indexes are the previous ones with those changes in
    /// their delta tiers (<see cref="RoutingIndex.Next"/>, <see cref="SearchIndex.Next"/>): the write path costs the
    /// change. Past their thresholds a fresh base is built in the background (<see cref="TodayIndexMerge"/>) and swapped in.
    /// Otherwise (start-up, a whole reload, a scheduled change taking effect) both are built from scratch.
    /// </summary>
    public void Warm(SnapshotLoading loading)
    {
        var view = loading.Snapshot.TodayView;
        lock (_merge.Lock)
        {
            if (loading is { Previous: { } previous, Changes: { } changes } && loading.Snapshot.TodayWasPatched
                && previous.TodayView is var before && before.BuiltSearch is { } search && _indexes.TryGetValue(before, out var routing))
            {
                var nextSearch = view.UseSearch(search.Next(view, changes.AllIds));
                var nextRouting = _indexes.GetValue(view, v => routing.Next(v, changes.AllIds));
                _merge.Followed(view, changes.AllIds, nextSearch.WantsMerge || nextRouting.DeltaUnits > RoutingIndex.MergeThreshold);
                return;
            }
            _merge.Restarted(view);
        }
        if (view.BuiltSearch is not null && _indexes.TryGetValue(view, out _)) return;
        var (built, builtRouting) = BuildBase(view);
        view.UseSearch(built);
        _indexes.GetValue(view, _ => builtRouting);
    }

    /// <summary>Swaps a fresh base built for an earlier today in, caught up with the changes since (<see cref="TodayIndexMerge"/>).</summary>
    private void Swap(DirectoryView built, SearchIndex search, RoutingIndex routing, DirectoryView latest, IReadOnlySet<string> since)
    {
        var caughtUp = ReferenceEquals(built, latest);
        latest.SwapSearch(caughtUp ? search : search.Next(latest, since));
        _indexes.AddOrUpdate(latest, caughtUp ? routing : routing.Next(latest, since));
    }

    private RoutingIndex Build(DirectoryView view, UnitWords words) => new(view, _terms, words, Fuzzy);

    private (SearchIndex, RoutingIndex) BuildBase(DirectoryView view)
    {
        var words = new UnitWords(view);
        SearchIndex? search = null;
        RoutingIndex? routing = null;
        Parallel.Invoke(() => search = new SearchIndex(view, words), () => routing = Build(view, words));
        return (search!, routing!);
    }

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
