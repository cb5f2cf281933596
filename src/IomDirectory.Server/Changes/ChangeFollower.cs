using IomDirectory.Server.Application;
using IomDirectory.Server.Domain;
using IomDirectory.Server.Infrastructure;
using Microsoft.EntityFrameworkCore;
using IomDirectory.Server.Snapshots;

namespace IomDirectory.Server.Changes;

/// <summary>
/// Keeps the in-memory snapshot following the audit trail: after this process's own commits, when another replica
/// announces one, and on every poll (<see cref="ChangeFollowerService"/>). Each catch-up applies the changes after
/// the snapshot's sequence (<see cref="DirectorySnapshotProvider.CatchUpAsync"/>), then hands them to watchers in
/// sequence order, each once. A failed catch-up after a commit must not turn a committed write into a reported
/// failure (the caller would retry a change that is already made), so it is retried at once a few times, then by the
/// poll until it succeeds; meanwhile the next write catches up first under the write lock, and is refused (nothing
/// applied) if it cannot, since its validators would otherwise check a stale org chart.
/// </summary>
public sealed partial class ChangeFollower(DirectorySnapshotProvider snapshots, DirectoryStore store, ChangeFeed feed, ILogger<ChangeFollower> logger)
{
    private const int PublishPage = 1_000;
    private static readonly TimeSpan[] Retries = [TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500)];
    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _published = snapshots.Current.Sequence;
    private long _latestSeen;
    private long _rounds;   // the last sequence this replica has seen committed in the database
    private volatile bool _behind;
    private ChangeFeedStalledException? _stalled;   // the last catch-up failed: the snapshot may be behind the database

    /// <summary>Raised after each change is applied and handed to watchers: how long after its write it became visible here.</summary>
    public event Action<AuditEventRecord>? Applied;

    /// <summary>Raised when the change feed stalls (true: the audit trail holds what no valid write produced) and when it is repaired (false).</summary>
    public event Action<bool>? StalledChanged;

    /// <summary>Why the change feed is stalled, or null.</summary>
    public ChangeFeedStalledException? Stalled => _stalled;

    /// <summary>Raised after each successful catch-up: the sequence the snapshot shows, and the latest one seen in the database.</summary>
    public event Action<long, long>? CaughtUp;

    /// <summary>The last audit sequence the snapshot shows.</summary>
    public long Sequence => snapshots.Current.Sequence;

    /// <summary>How many catch-ups have been made (each a round trip to the database), for tests and diagnostics.</summary>
    public long CatchUpRounds => Interlocked.Read(ref _rounds);

    /// <summary>Applies every committed change the snapshot does not show yet and hands them to watchers; throws if it cannot.</summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            Interlocked.Increment(ref _rounds);
            var applied = await snapshots.CatchUpAsync(cancellationToken);
            var reached = snapshots.Current.Sequence;
            if (applied is not null)
                Publish(applied);
            else
                await PublishFromStoreAsync(reached, cancellationToken);
            InterlockedMax(ref _latestSeen, reached);
            _behind = false;
            SetStalled(null);
            CaughtUp?.Invoke(reached, Interlocked.Read(ref _latestSeen));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _behind = true;
            if (ex is ChangeFeedStalledException stalled) SetStalled(stalled);
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>After a commit: catches up, retrying; never throws (the write is committed whatever happens here).</summary>
    public async Task AfterCommitAsync()
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await CatchUpAsync(CancellationToken.None);
                return;
            }
            catch (Exception ex)
            {
                LogCatchUpFailed(logger, ex, attempt + 1);
            }
            if (attempt == Retries.Length) break;
            await Task.Delay(Retries[attempt]);
        }
        LogStillBehind(logger);
    }

    /// <summary>
    /// Under the write lock, before validation: the snapshot must show every change committed so far, on any replica
    /// (<paramref name="db"/> is the write's context, whose transaction holds the lock). Throws, applying nothing, if it cannot.
    /// </summary>
    public async Task EnsureCurrentAsync(DirectoryDbContext db, CancellationToken cancellationToken)
    {
        var latest = await DirectoryContent.LatestSequenceAsync(db, cancellationToken);
        InterlockedMax(ref _latestSeen, latest);
        if (latest <= snapshots.Current.Sequence && !_behind && _stalled is null) return;
        try
        {
            await CatchUpAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or ChangeFeedStalledException) && !DirectoryStore.IsUnavailable(ex))
        {
            throw new PreconditionFailedException("The directory is catching up with a change already committed (applying it failed); " +
                "this write was not applied. Retry in a moment.");
        }
        if (snapshots.Current.Sequence < latest)
            throw new PreconditionFailedException("The directory is catching up with a change already committed; this write was not applied. Retry in a moment.");
    }

    /// <summary>A write's events got sequences the snapshot shows already (the sequence went back): it is refused, and the feed is stalled.</summary>
    public ChangeFeedStalledException WrittenBelowSnapshot(long written)
    {
        var stalled = new ChangeFeedStalledException($"The database assigned this write's audit event sequence {written}, not above the " +
            $"{snapshots.Current.Sequence} this replica has applied (the sequence was reset, or an event was inserted around the service): it would " +
            "never be seen. This write was not applied; writes are refused until the audit sequence is repaired.");
        SetStalled(stalled);
        return stalled;
    }

    private void SetStalled(ChangeFeedStalledException? stalled)
    {
        var before = Interlocked.Exchange(ref _stalled, stalled);
        if ((before is null) == (stalled is null)) return;
        if (stalled is not null) LogStalled(logger, stalled.Message);
        else LogRepaired(logger);
        StalledChanged?.Invoke(stalled is not null);
    }

    private void Publish(IReadOnlyList<AuditEventRecord> events)
    {
        var fresh = events.Where(e => e.Sequence > _published).ToList();
        if (fresh.Count == 0) return;
        feed.Publish(fresh);
        _published = fresh[^1].Sequence;
        if (Applied is { } applied)
            foreach (var e in fresh) applied(e);
    }

    /// <summary>After a whole reload: the changes it took in, read from the audit trail page by page.</summary>
    private async Task PublishFromStoreAsync(long upTo, CancellationToken cancellationToken)
    {
        while (_published < upTo)
        {
            await using var db = store.CreateContext();
            var after = _published;
            var page = await db.AuditEvents.AsNoTracking().Where(e => e.Sequence > after && e.Sequence <= upTo).OrderBy(e => e.Sequence)
                .Take(PublishPage).ToListAsync(cancellationToken);
            if (page.Count == 0) break;
            Publish(page);
        }
        _published = Math.Max(_published, upTo);
    }

    private static void InterlockedMax(ref long target, long value)
    {
        for (var seen = Interlocked.Read(ref target); value > seen; seen = Interlocked.Read(ref target))
            if (Interlocked.CompareExchange(ref target, value, seen) == seen) return;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Applying committed changes to the in-memory directory failed (attempt {Attempt})")]
    private static partial void LogCatchUpFailed(ILogger logger, Exception exception, int attempt);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The change feed is stalled: {Reason} AdminService is NOT_SERVING (metric iomdir_changefeed_stalled).")]
    private static partial void LogStalled(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "The change feed follows the audit trail again; writes are taken")]
    private static partial void LogRepaired(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "The in-memory directory is behind the database; the change follower keeps retrying")]
    private static partial void LogStillBehind(ILogger logger);
}
