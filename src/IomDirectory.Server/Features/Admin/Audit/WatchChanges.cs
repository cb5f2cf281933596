using System.Runtime.CompilerServices;
using IomDirectory.Server.Application;
using IomDirectory.Server.Domain;
using IomDirectory.Server.Features.Admin.Common;
using IomDirectory.Server.Hosting;
using IomDirectory.Server.Infrastructure;
using IomDirectory.Server.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IomDirectory.Server.Features.Admin.Audit;

/// <summary>
/// Every committed change after a sequence number, then live ones as they commit. The live subscription starts
/// before the backlog is read and anything already delivered is skipped, so nothing is missed and nothing repeats.
/// </summary>
public sealed record WatchChangesQuery(long AfterSequence) : IRequest<IAsyncEnumerable<AuditEventRecord>>, IRequireRole
{
    public string RequiredRole => Roles.Reader;
}

public sealed class WatchChangesHandler(ServerSettings settings, ChangeFeed feed) : IRequestHandler<WatchChangesQuery, IAsyncEnumerable<AuditEventRecord>>
{
    private const int BacklogBatch = 500;

    public Task<IAsyncEnumerable<AuditEventRecord>> Handle(WatchChangesQuery query, CancellationToken cancellationToken) =>
        Task.FromResult(Watch(query.AfterSequence, cancellationToken));

    private async IAsyncEnumerable<AuditEventRecord> Watch(long after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var live = feed.Subscribe(out var subscription);
        using (subscription)
        {
            var last = after;
            while (true)
            {
                List<AuditEventRecord> batch;
                await using (var db = DirectoryDbContextFactory.Create(settings.DatabasePath))
                    batch = await db.AuditEvents.AsNoTracking().Where(e => e.Sequence > last)
                        .OrderBy(e => e.Sequence).Take(BacklogBatch).ToListAsync(cancellationToken);
                foreach (var e in batch)
                {
                    yield return e;
                    last = e.Sequence;
                }
                if (batch.Count < BacklogBatch) break;
            }
            await foreach (var e in live.ReadAllAsync(cancellationToken))
            {
                if (e.Sequence <= last) continue;
                yield return e;
                last = e.Sequence;
            }
        }
    }
}
