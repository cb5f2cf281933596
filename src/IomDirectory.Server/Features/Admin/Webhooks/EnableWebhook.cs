using IomDirectory.Server.Application;
using IomDirectory.Server.Infrastructure;
using IomDirectory.Server.Security;
using IomDirectory.Server.Webhooks;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IomDirectory.Server.Features.Admin.Webhooks;

/// <summary>Re-enables a subscriber: its failures are forgotten and delivery resumes at once after its cursor.</summary>
public sealed record EnableWebhookCommand(string Id) : IRequest<WebhookState>, IRequireRole
{
    public string RequiredRole => Roles.Admin;
}

public sealed class EnableWebhookHandler(DirectoryStore store, WebhookDispatcher dispatcher) : IRequestHandler<EnableWebhookCommand, WebhookState>
{
    public async Task<WebhookState> Handle(EnableWebhookCommand command, CancellationToken cancellationToken)
    {
        await using var db = store.CreateContext();
        var subscriber = await db.WebhookSubscriptions.SingleOrDefaultAsync(w => w.Id == command.Id, cancellationToken)
                         ?? throw new NotFoundException("Webhook", command.Id);
        subscriber.Enabled = true;
        subscriber.DisabledReason = "";
        subscriber.FailedAttempts = 0;
        subscriber.FailingSince = null;
        subscriber.NextAttemptAt = DateTime.UtcNow;
        await db.SaveChangesAsync(cancellationToken);
        dispatcher.Wake();
        var latest = await Snapshots.DirectoryContent.LatestSequenceAsync(db, cancellationToken);
        return WebhookState.Of(subscriber, latest);
    }
}
