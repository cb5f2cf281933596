using IomDirectory.Server.Application;
using IomDirectory.Server.Infrastructure;
using IomDirectory.Server.Security;
using IomDirectory.Server.Snapshots;

namespace IomDirectory.Server.Changes;

/// <summary>
/// Runs one write as a unit, in the transaction of the <see cref="WriteLease"/> the write pipeline holds: the change
/// and its audit events, checked against the tree, announced to the other replicas and committed; then — only once
/// committed — the write gate is released and the snapshot catches up (retried until it succeeds: see
/// <see cref="ChangeFollower"/>), which also hands the events to watchers; the call returns once its change is visible.
/// </summary>
public sealed class DirectoryWriter(DirectoryStore store, DirectorySnapshotProvider snapshots, CurrentCaller current, ChangeFollower follower)
{
    public async Task<T> ExecuteAsync<T>(WriteContext write, Func<WriteSession, Task<T>> work, CancellationToken cancellationToken)
    {
        var lease = WriteGate.Current ?? throw new InvalidOperationException("A write runs inside the write pipeline, which holds the write gate.");
        var db = lease.Db;
        var session = new WriteSession(db, current.Get(), write, DateTime.UtcNow);
        var result = await work(session);
        TreeIntegrity.Check(db, snapshots.Current, write.EffectiveFrom);
        await db.SaveChangesAsync(cancellationToken);
        if (session.Events.Count > 0 && session.Events[0].Sequence <= snapshots.Current.Sequence)
            throw follower.WrittenBelowSnapshot(session.Events[0].Sequence);   // not committed: the lease rolls it back
        if (session.Events.Count > 0)
            await store.AnnounceAsync(db, session.Events[^1].Sequence, cancellationToken);
        try
        {
            await lease.CommitAsync(CancellationToken.None);   // past this point the caller must learn the outcome
        }
        catch (Exception ex) when (DirectoryStore.IsUnavailable(ex))
        {
            throw new StoreUnavailableException("The connection to the directory's database failed while this write was committing: it may or may " +
                "not have been applied. Read the record again before retrying.", ex);
        }
        if (result is ISequenced sequenced && session.Events.Count > 0)
            sequenced.Sequence = session.Events[^1].Sequence;
        // Committed: from here on nothing may be cancelled or fail, or the caller would be told a committed write failed.
        // The next write need not wait for this one's catch-up: it catches up itself before its validation.
        await lease.DisposeAsync();
        await follower.AfterCommitAsync();
        return result;
    }
}
