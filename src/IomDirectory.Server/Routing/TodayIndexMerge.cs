using IomDirectory.Server.Snapshots;
using IomDirectory.Server.Search;
namespace IomDirectory.Server.Routing;

/// <summary>
/// Merges the delta tiers of today's routing and search indexes into fresh bases, in the background, off the write
/// path: the segment-and-merge idea of Lucene, in miniature. When an index's delta passes its threshold (or after
/// a configured number of changes, <c>--ReadModel:IndexMergeEveryChanges</c>), a fresh base is built for that view on a background thread; once
/// built, it is brought up to the latest view with the changes made meanwhile (a small delta again) and swapped in.
/// Both answer alike, so readers never notice the swap; a whole reload meanwhile makes the merge moot (it is dropped).
/// </summary>
/// <remarks>
/// Callers hold <see cref="Lock"/> around <see cref="Followed"/> and <see cref="Restarted"/> (the snapshot provider
/// publishes one snapshot at a time), so that a swap never interleaves with a catch-up deriving the next indexes.
/// The changes kept while a merge runs are bounded: past <see cref="MaxPendingIds"/> ids the merge is dropped and
/// another one starts from a later view.
/// </remarks>
internal sealed partial class TodayIndexMerge(Func<DirectoryView, (SearchIndex Search, RoutingIndex Routing)> buildBase,
    Action<DirectoryView, SearchIndex, RoutingIndex, DirectoryView, IReadOnlySet<string>> swap, int everyChanges, ILogger logger)
{
    /// <summary>The most changed ids kept while a merge runs.</summary>
    public const int MaxPendingIds = 100_000;

    private readonly List<IReadOnlySet<string>> _since = [];
    private DirectoryView? _latest;
    private long _epoch;
    private bool _running;
    private int _pending;
    private int _changesSinceMerge;

    public Lock Lock { get; } = new();

    /// <summary>Merges finished and swapped in, for tests and diagnostics.</summary>
    public int Merged { get; private set; }

    /// <summary>Today's indexes now follow <paramref name="view"/>, by the changes of <paramref name="ids"/>. Under <see cref="Lock"/>.</summary>
    public void Followed(DirectoryView view, IReadOnlySet<string> ids, bool overThreshold)
    {
        _latest = view;
        _changesSinceMerge++;
        if (_running)
        {
            _since.Add(ids);
            _pending += ids.Count;
            if (_pending <= MaxPendingIds) return;
            _epoch++;   // too far behind to catch up cheaply: drop it, and start again from here
            _running = false;
        }
        if (overThreshold || (everyChanges > 0 && _changesSinceMerge >= everyChanges)) Start(view);
    }

    /// <summary>Today's indexes were built from scratch for <paramref name="view"/>: a merge under way is moot. Under <see cref="Lock"/>.</summary>
    public void Restarted(DirectoryView view)
    {
        _latest = view;
        _epoch++;
        _running = false;
        _since.Clear();
        _pending = 0;
        _changesSinceMerge = 0;
    }

    private void Start(DirectoryView view)
    {
        _running = true;
        _since.Clear();
        _pending = 0;
        _changesSinceMerge = 0;
        var epoch = _epoch;
        _ = Task.Run(() => Run(view, epoch));
    }

    private void Run(DirectoryView view, long epoch)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            var (search, routing) = buildBase(view);
            lock (Lock)
            {
                if (epoch != _epoch || _latest is not { } latest) return;
                var since = new HashSet<string>(StringComparer.Ordinal);
                foreach (var ids in _since) since.UnionWith(ids);
                swap(view, search, routing, latest, since);
                _running = false;
                _since.Clear();
                _pending = 0;
                Merged++;
                LogMerged(logger, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds, since.Count);
            }
        }
        catch (Exception ex)
        {
            lock (Lock)
                if (epoch == _epoch) _running = false;
            LogMergeFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Today's indexes merged into fresh bases in the background in {Elapsed:0} ms ({Since} records changed meanwhile)")]
    private static partial void LogMerged(ILogger logger, double elapsed, int since);

    [LoggerMessage(Level = LogLevel.Error, Message = "Merging today's indexes into fresh bases failed; their delta tiers keep answering, and the next change tries again")]
    private static partial void LogMergeFailed(ILogger logger, Exception exception);
}
