using System.Security.Cryptography;
using IomDirectory.Server.Application;
using IomDirectory.Server.Domain;
using IomDirectory.Server.Infrastructure;
using IomDirectory.Server.Security;
using IomDirectory.Server.Webhooks;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IomDirectory.Server.Features.Admin.Webhooks;

/// <summary>
/// Registers a webhook subscriber. Its cursor starts at the latest change (or at <see cref="AfterSequence"/>): it is
/// sent what commits from then on. The secret, given or generated, is returned once.
/// </summary>
public sealed record CreateWebhookCommand(string Url, IReadOnlyList<string> Kinds, string Description, string Secret, long AfterSequence)
    : IRequest<CreatedWebhook>, IRequireRole
{
    public string RequiredRole => Roles.Admin;
}

public sealed record CreatedWebhook(WebhookState Webhook, string Secret);

public sealed class CreateWebhookHandler(DirectoryStore store, WebhookOptions options, WebhookDispatcher dispatcher, CurrentCaller current)
    : IRequestHandler<CreateWebhookCommand, CreatedWebhook>
{
    public async Task<CreatedWebhook> Handle(CreateWebhookCommand command, CancellationToken cancellationToken)
    {
        await using var db = store.CreateContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.WebhookSubscriptions.CountAsync(cancellationToken) >= options.MaxSubscribers)
            throw new PreconditionFailedException($"This server keeps at most {options.MaxSubscribers} webhook subscribers (--Webhooks:MaxSubscribers); delete one first.");
        var latest = await Snapshots.DirectoryContent.LatestSequenceAsync(db, cancellationToken);
        var now = DateTime.UtcNow;
        var subscriber = new WebhookSubscription
        {
            Id = "wh_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
            Url = command.Url,
            Secret = command.Secret.Length > 0 ? command.Secret : WebhookSignature.NewSecret(),
            Kinds = WebhookKinds.Store(command.Kinds),
            Description = command.Description.Trim(),
            CreatedBy = current.Get().Actor,
            CreatedAt = now,
            DeliveredSequence = command.AfterSequence > 0 ? Math.Min(command.AfterSequence, latest) : latest,
            NextAttemptAt = now,
        };
        db.WebhookSubscriptions.Add(subscriber);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        dispatcher.Wake();
        return new CreatedWebhook(WebhookState.Of(subscriber, latest), subscriber.Secret);
    }
}

/// <summary>A subscriber as admins see it (never its secret), with how many changes wait after its cursor.</summary>
public sealed record WebhookState(WebhookSubscription Subscriber, long Pending)
{
    public static WebhookState Of(WebhookSubscription subscriber, long latest) => new(subscriber, Math.Max(0, latest - subscriber.DeliveredSequence));
}
