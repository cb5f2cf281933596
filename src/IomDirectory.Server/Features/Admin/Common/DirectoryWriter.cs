using IomDirectory.Server.Hosting;
using IomDirectory.Server.Infrastructure;
using IomDirectory.Server.ReadModel;
using IomDirectory.Server.Security;

namespace IomDirectory.Server.Features.Admin.Common;

/// <summary>
/// Runs one write as a unit: a transaction over the change and its audit events, then — only once committed —
/// a fresh snapshot for readers (retried until it succeeds: see <see cref="SnapshotCatchUp"/>) and the events to watchers. The caller holds the <see cref="WriteGate"/>.
/// </summary>
public sealed class DirectoryWriter(ServerSettings settings, DirectorySnapshotProvider snapshots, ChangeFeed feed, CurrentCaller current,
    SnapshotCatchUp catchUp)
{
    public async Task<T> ExecuteAsync<T>(WriteContext write, Func<WriteSession, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var db = DirectoryDbContextFactory.Create(settings.DatabasePath);
        var session = new WriteSession(db, current.Get(), write, DateTime.UtcNow);
        T result;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            result = await work(session);
            TreeIntegrity.Check(db, snapshots.Current, write.EffectiveFrom);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        if (result is ISequenced sequenced && session.Events.Count > 0)
            sequenced.Sequence = session.Events[^1].Sequence;
        // Committed: from here on nothing may be cancelled or fail, or the caller would be told a committed write failed.
        await catchUp.AfterCommitAsync();
        feed.Publish(session.Events);
        return result;
    }
}
