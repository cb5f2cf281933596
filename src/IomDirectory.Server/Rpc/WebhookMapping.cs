using Google.Protobuf.WellKnownTypes;
using IomDirectory.Contracts.V1;
using IomDirectory.Server.Domain;
using IomDirectory.Server.Features.Admin.Webhooks;

namespace IomDirectory.Server.Rpc;

internal static class WebhookMapping
{
    public static Webhook Webhook(WebhookState state)
    {
        var s = state.Subscriber;
        var message = new Webhook
        {
            Id = s.Id, Url = s.Url, Description = s.Description, Enabled = s.Enabled, DisabledReason = s.DisabledReason,
            DeliveredSequence = s.DeliveredSequence, Pending = state.Pending, FailedAttempts = s.FailedAttempts, LastError = s.LastError,
            FailingSince = At(s.FailingSince), NextAttemptAt = s.Enabled && s.FailedAttempts > 0 ? At(s.NextAttemptAt) : null,
            LastDeliveredAt = At(s.LastDeliveredAt), CreatedBy = s.CreatedBy, CreatedAt = At(s.CreatedAt),
        };
        message.Kinds.AddRange(Webhooks.WebhookKinds.Parse(s.Kinds).Order(StringComparer.Ordinal));
        return message;
    }

    public static WebhookDelivery Delivery(WebhookDeliveryRecord d) => new()
    {
        Sequence = d.Sequence, At = At(d.At), Attempt = d.Attempt, StatusCode = d.StatusCode, Delivered = d.Delivered, Error = d.Error,
        Milliseconds = Math.Round(d.Milliseconds, 1),
    };

    private static Timestamp? At(DateTime? at) => at is { } value ? Timestamp.FromDateTime(DateTime.SpecifyKind(value, DateTimeKind.Utc)) : null;
}
