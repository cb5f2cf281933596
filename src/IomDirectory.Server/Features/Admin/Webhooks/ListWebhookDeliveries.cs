using IomDirectory.Server.Application;
using IomDirectory.Server.Domain;
using IomDirectory.Server.Infrastructure;
using IomDirectory.Server.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IomDirectory.Server.Features.Admin.Webhooks;

/// <summary>The latest delivery attempts to a subscriber, newest first.</summary>
public sealed record ListWebhookDeliveriesQuery(string Id, int MaxResults) : IRequest<IReadOnlyList<WebhookDeliveryRecord>>, IRequireRole
{
    public const int DefaultResults = 50;

    public string RequiredRole => Roles.Admin;
}

public sealed class ListWebhookDeliveriesHandler(DirectoryStore store) : IRequestHandler<ListWebhookDeliveriesQuery, IReadOnlyList<WebhookDeliveryRecord>>
{
    public async Task<IReadOnlyList<WebhookDeliveryRecord>> Handle(ListWebhookDeliveriesQuery query, CancellationToken cancellationToken)
    {
        await using var db = store.CreateContext();
        if (!await db.WebhookSubscriptions.AnyAsync(w => w.Id == query.Id, cancellationToken))
            throw new NotFoundException("Webhook", query.Id);
        return await db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == query.Id).OrderByDescending(d => d.Id)
            .Take(query.MaxResults == 0 ? ListWebhookDeliveriesQuery.DefaultResults : query.MaxResults).ToListAsync(cancellationToken);
    }
}
