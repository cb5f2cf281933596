using System.Runtime.CompilerServices;
using IomDirectory.Server.Application;
using IomDirectory.Server.Domain;
using IomDirectory.Server.Infrastructure;
using IomDirectory.Server.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;
using IomDirectory.Server.Changes;

namespace IomDirectory.Server.Features.Admin.Audit;

/// <summary>
/// Every committed change after a sequence number, then live ones as they commit. The live subscription starts
/// before the backlog is read and anything already delivered is skipped, so nothing is missed and nothing repeats.
/// A reader gets change notices (what changed, when, from when: sequence, time, operation, record, effective date);
/// who made it, why, and the record's content before and after are the audit trail's, for editors and admins
/// (as <see cref="ListAuditEventsQuery"/>): the JSON holds focal points' names and e-mail addresses.
/// The stream ends with UNAUTHENTICATED when the caller's token expires; the watcher reconnects with a new token and
/// its last sequence.
/// </summary>
public sealed record WatchChangesQuery(long AfterSequence) : IRequest<IAsyncEnumerable<AuditEventRecord>>, IRequireRole
{
    public string RequiredRole => Roles.Reader;
}

public sealed class WatchChangesHandler(DirectoryStore store, ChangeFeed feed, CurrentCaller current) : IRequestHandler<WatchChangesQuery, IAsyncEnumerable<AuditEventRecord>>
{
    private const int BacklogBatch = 500;

    public Task<IAsyncEnumerable<AuditEventRecord>> Handle(WatchChangesQuery query, CancellationToken cancellationToken)
    {
        var caller = current.Get();
        var changes = Watch(query.AfterSequence, ExpiryOf(caller), cancellationToken);
        return Task.FromResult(caller.Has(Roles.Editor) ? changes : Notices(changes));
    }

    /// <summary>The change without actor, role, reason and before/after content.</summary>
    public static AuditEventRecord Notice(AuditEventRecord e) => new()
    {
        Sequence = e.Sequence,
        At = e.At,
        Operation = e.Operation,
        EntityKind = e.EntityKind,
        EntityId = e.EntityId,
        EffectiveFrom = e.EffectiveFrom,
    };

    private static async IAsyncEnumerable<AuditEventRecord> Notices(IAsyncEnumerable<AuditEventRecord> changes)
    {
        await foreach (var e in changes)
            yield return Notice(e);
    }

    /// <summary>When the caller's token expires (its exp claim), if it says.</summary>
    private static DateTime? ExpiryOf(Caller caller) =>
        long.TryParse(caller.Principal.FindFirst("exp")?.Value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var exp)
            ? DateTimeOffset.FromUnixTimeSeconds(exp).UtcDateTime
            : null;

    private async IAsyncEnumerable<AuditEventRecord> Watch(long after, DateTime? expires, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var expiry = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (expires is { } at)
            expiry.CancelAfter(at <= DateTime.UtcNow ? TimeSpan.Zero : at - DateTime.UtcNow);
        var live = feed.Subscribe(out var subscription);
        using (subscription)
        {
            var last = after;
            while (true)
            {
                List<AuditEventRecord> batch;
                try
                {
                    await using var db = store.CreateContext();
                    batch = await db.AuditEvents.AsNoTracking().Where(e => e.Sequence > last)
                        .OrderBy(e => e.Sequence).Take(BacklogBatch).ToListAsync(expiry.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    throw Expired(expires, last);
                }
                foreach (var e in batch)
                {
                    if (expiry.IsCancellationRequested && !cancellationToken.IsCancellationRequested) throw Expired(expires, last);
                    yield return e;
                    last = e.Sequence;
                }
                if (batch.Count < BacklogBatch) break;
            }
            while (true)
            {
                try
                {
                    if (!await live.WaitToReadAsync(expiry.Token)) yield break;
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    throw Expired(expires, last);
                }
                while (live.TryRead(out var e))
                {
                    if (e.Sequence <= last) continue;
                    yield return e;
                    last = e.Sequence;
                }
            }
        }
    }

    private static UnauthenticatedException Expired(DateTime? expires, long last) =>
        new($"the token expired at {expires:yyyy-MM-dd HH:mm:ss}Z; watch again with a new token and after_sequence = {last}");
}
