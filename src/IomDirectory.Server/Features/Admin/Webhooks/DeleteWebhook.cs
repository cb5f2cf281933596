using IomDirectory.Server.Application;
using IomDirectory.Server.Infrastructure;
using IomDirectory.Server.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IomDirectory.Server.Features.Admin.Webhooks;

/// <summary>Deletes a subscriber and its delivery attempts; a delivery under way to it finds its lease gone and stops.</summary>
public sealed record DeleteWebhookCommand(string Id) : IRequest<bool>, IRequireRole
{
    public string RequiredRole => Roles.Admin;
}

public sealed class DeleteWebhookHandler(DirectoryStore store) : IRequestHandler<DeleteWebhookCommand, bool>
{
    public async Task<bool> Handle(DeleteWebhookCommand command, CancellationToken cancellationToken)
    {
        await using var db = store.CreateContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.WebhookSubscriptions.Where(w => w.Id == command.Id).ExecuteDeleteAsync(cancellationToken) == 0)
            throw new NotFoundException("Webhook", command.Id);
        await db.WebhookDeliveries.Where(d => d.SubscriptionId == command.Id).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
