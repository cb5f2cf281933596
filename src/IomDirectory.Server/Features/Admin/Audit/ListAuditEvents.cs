using IomDirectory.Server.Application;
using IomDirectory.Server.Domain;
using IomDirectory.Server.Features.Common;
using IomDirectory.Server.Hosting;
using IomDirectory.Server.Infrastructure;
using IomDirectory.Server.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IomDirectory.Server.Features.Admin.Audit;

/// <summary>The audit trail, newest first, filtered by entity, actor and time range.</summary>
public sealed record ListAuditEventsQuery(string EntityId, string Actor, DateTime? Since, DateTime? Until, PageRequest Page)
    : IRequest<Paged<AuditEventRecord>>, IRequireRole
{
    public string RequiredRole => Roles.Editor;
}

public sealed class ListAuditEventsHandler(DirectoryStore store) : IRequestHandler<ListAuditEventsQuery, Paged<AuditEventRecord>>
{
    public async Task<Paged<AuditEventRecord>> Handle(ListAuditEventsQuery query, CancellationToken cancellationToken)
    {
        await using var db = store.CreateContext();
        var events = db.AuditEvents.AsNoTracking();
        if (query.EntityId.Length > 0) events = events.Where(e => e.EntityId == query.EntityId);
        if (query.Actor.Length > 0) events = events.Where(e => e.Actor == query.Actor);
        if (query.Since is { } since) events = events.Where(e => e.At >= since);
        if (query.Until is { } until) events = events.Where(e => e.At < until);
        var size = query.Page.SizeOr(50);
        var offset = query.Page.Offset;
        var page = await events.OrderByDescending(e => e.Sequence).Skip(offset).Take(size + 1).ToListAsync(cancellationToken);
        var next = page.Count > size ? PageRequest.Encode(offset + size) : "";
        return new Paged<AuditEventRecord>(page.Take(size).ToList(), next, -1);
    }
}
