using System.Diagnostics;
using IomDirectory.Server.Infrastructure;
using IomDirectory.Server.Seeding;
using IomDirectory.Server.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace IomDirectory.Server.Snapshots;

/// <summary>
/// Holds the current snapshot. Readers take <see cref="Current"/> (a reference read, never blocked). Committed
/// changes reach it through <see cref="CatchUpAsync"/>, which reads the audit trail after the snapshot's sequence and
/// only the records those changes touched; <see cref="ReloadAsync"/> reads everything again.
/// </summary>
/// <remarks>Each reload logs how long its phases took, so start-up and write latency can be read off the log.</remarks>
public sealed partial class DirectorySnapshotProvider(DirectoryStore store, ILogger? logger = null)
{
    /// <summary>More changed records than this in one catch-up, and the whole directory is read again instead.</summary>
    public const int MaxIncrementalRecords = 2_000;

    /// <summary>The most audit events one catch-up reads; a longer backlog is caught up by a whole reload.</summary>
    public const int MaxIncrementalEvents = 5_000;

    private readonly ILogger _logger = logger ?? NullLogger.Instance;
    private readonly LoadGarbage _garbage = new(logger ?? NullLogger.Instance);
    private readonly SemaphoreSlim _reloadGate = new(1, 1);
    private DirectorySnapshot? _current;
    private long _generation;

    /// <summary>Runs on every new snapshot before readers see it (caches built per view warm themselves here).</summary>
    public event Action<SnapshotLoading>? Loading;

    public DirectorySnapshot Current => _current ?? throw new InvalidOperationException("The directory has not been loaded yet.");

    public Task ReloadAsync(CancellationToken cancellationToken = default) => LoadAsync(null, cancellationToken);

    /// <summary>
    /// Brings the snapshot up to the last committed change. Returns the changes applied, in sequence order — all of
    /// them, or null when the backlog was too long to read as events and the whole directory was read again (the
    /// caller then pages through the audit trail up to the new <see cref="DirectorySnapshot.Sequence"/>).
    /// </summary>
    public async Task<IReadOnlyList<AuditEventRecord>?> CatchUpAsync(CancellationToken cancellationToken = default)
    {
        await _reloadGate.WaitAsync(cancellationToken);
        try
        {
            var started = Stopwatch.GetTimestamp();
            var current = Current;
            await using var db = store.CreateContext();
            await using var transaction = await store.BeginConsistentReadAsync(db, cancellationToken);
            var after = current.Sequence;
            var events = await db.AuditEvents.AsNoTracking().Where(e => e.Sequence > after).OrderBy(e => e.Sequence)
                .Take(MaxIncrementalEvents + 1).ToListAsync(cancellationToken);
            CheckSequence(after, events, await store.LastAssignedSequenceAsync(db, cancellationToken));   // read after the events: it only grows
            if (events.Count == 0) return [];
            var ids = events.Select(e => e.EntityId).ToHashSet(StringComparer.Ordinal);
            var generation = Interlocked.Increment(ref _generation);
            if (events.Count > MaxIncrementalEvents || ids.Count > MaxIncrementalRecords)
            {
                Publish(await DirectoryContent.ReadAllAsync(db, generation, cancellationToken), started, "the whole store");
                return null;
            }
            var (content, changes) = await current.Content.WithChangedAsync(db, events, generation, events[^1].Sequence, cancellationToken);
            Publish(content, started, $"{events.Count} changes to {ids.Count} records", current, changes);
            return events;
        }
        finally
        {
            _reloadGate.Release();
        }
    }

    /// <summary>
    /// Every event a valid write made has a sequence the database assigned: one above <paramref name="assigned"/> was
    /// inserted around the service, and an assigned sequence below <paramref name="after"/> means the next writes would
    /// fall below the snapshot. Either way following the trail would hide later changes; nothing is applied.
    /// </summary>
    private static void CheckSequence(long after, List<AuditEventRecord> events, long? assigned)
    {
        if (assigned is not { } last) return;
        if (events.FirstOrDefault(e => e.Sequence > last) is { } forged)
            throw new Application.ChangeFeedStalledException($"The audit trail holds event {forged.Sequence}, which the database's sequence never " +
                $"assigned (it is at {last}): it was not written by the service. Changes after {after} are not applied and writes are refused " +
                "until that row is removed.");
        if (last < after)
            throw new Application.ChangeFeedStalledException($"The database's audit sequence is at {last}, behind the {after} this replica has " +
                "applied (an event inserted around the service, or the sequence reset): new changes would not be seen. Writes are refused until it is repaired.");
    }

    /// <summary>The first snapshot after seeding: built from the records just written, without reading them back.</summary>
    public Task LoadSeededAsync(DataSet seeded, CancellationToken cancellationToken = default) => LoadAsync(seeded, cancellationToken);

    /// <summary>
    /// Returns the memory loading used to the OS once loads have settled. Every reload does so; the first load is
    /// followed by the start-up work that builds on it, so the host asks once start-up is done.
    /// </summary>
    public void ReleaseGarbageSoon() => _garbage.ReleaseSoon();

    private async Task LoadAsync(DataSet? seeded, CancellationToken cancellationToken)
    {
        await _reloadGate.WaitAsync(cancellationToken);
        try
        {
            var started = Stopwatch.GetTimestamp();
            var generation = Interlocked.Increment(ref _generation);
            DirectoryContent content;
            if (seeded is not null)
                content = DirectoryContent.From(seeded, generation);
            else
                await using (var db = store.CreateContext())
                    content = await DirectoryContent.LoadAsync(store, db, generation, cancellationToken);
            Publish(content, started, seeded is null ? "the whole store" : "the seeded data");
        }
        finally
        {
            _reloadGate.Release();
        }
    }

    /// <summary>
    /// Builds the snapshot of the content just read, today's view and the derived indexes, then hands it to readers.
    /// Given the snapshot it follows and what changed since, the snapshot and today's view are that one's with the
    /// changes applied (<see cref="DirectorySnapshot.With"/>), and the indexes are told what changed.
    /// </summary>
    private void Publish(DirectoryContent content, long started, string origin, DirectorySnapshot? previous = null, ContentChanges? changes = null)
    {
        var read = Stopwatch.GetElapsedTime(started);
        var snapshot = previous is not null && changes is not null ? previous.With(content, changes) : new DirectorySnapshot(content);
        var built = Stopwatch.GetElapsedTime(started);
        _ = snapshot.TodayView;   // build today's view (and, below, its indexes) before readers need it
        var viewed = Stopwatch.GetElapsedTime(started);
        Loading?.Invoke(new SnapshotLoading(snapshot, previous, changes));
        var first = _current is null;
        Volatile.Write(ref _current, snapshot);
        // A whole reload allocated far more than it keeps; a change applied did not, and asks for a collection only once
        // changes have allocated a budget's worth (a collection then, once writes settle, never one per write).
        if (!first)
        {
            if (changes is null) ReleaseGarbageSoon();
            else _garbage.ReleaseSoonIfOverBudget();
        }
        var total = Stopwatch.GetElapsedTime(started);
        LogReloaded(_logger, snapshot.Generation, snapshot.Sequence, snapshot.Units.Count, total.TotalMilliseconds, origin, read.TotalMilliseconds,
            (built - read).TotalMilliseconds, (viewed - built).TotalMilliseconds, (total - viewed).TotalMilliseconds);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Directory snapshot {Generation} (sequence {Sequence}, {Units} units) ready in {Total:0} ms: " +
        "read {Origin} {Read:0} ms, snapshot {Build:0} ms, today's view {View:0} ms, warm-up of derived indexes {Warm:0} ms")]
    private static partial void LogReloaded(ILogger logger, long generation, long sequence, int units, double total, string origin, double read, double build,
        double view, double warm);
}

/// <summary>
/// A snapshot about to be handed to readers, and, when it follows <paramref name="Previous"/> by applying changes,
/// what they changed: the derived indexes can then be updated for those records rather than built again.
/// </summary>
public sealed record SnapshotLoading(DirectorySnapshot Snapshot, DirectorySnapshot? Previous, ContentChanges? Changes);
