using IomDirectory.Server.Application;
using IomDirectory.Server.Infrastructure;
using IomDirectory.Server.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IomDirectory.Server.Features.Admin.Webhooks;

/// <summary>Every subscriber with its delivery state: cursor, changes waiting, failures, disabled or not.</summary>
public sealed record ListWebhooksQuery : IRequest<IReadOnlyList<WebhookState>>, IRequireRole
{
    public string RequiredRole => Roles.Admin;
}

public sealed class ListWebhooksHandler(DirectoryStore store) : IRequestHandler<ListWebhooksQuery, IReadOnlyList<WebhookState>>
{
    public async Task<IReadOnlyList<WebhookState>> Handle(ListWebhooksQuery query, CancellationToken cancellationToken)
    {
        await using var db = store.CreateContext();
        var latest = await Snapshots.DirectoryContent.LatestSequenceAsync(db, cancellationToken);
        var subscribers = await db.WebhookSubscriptions.AsNoTracking().OrderBy(w => w.CreatedAt).ThenBy(w => w.Id).ToListAsync(cancellationToken);
        return subscribers.ConvertAll(s => WebhookState.Of(s, latest));
    }
}
