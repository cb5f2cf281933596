using IomDirectory.Server.Domain;
using IomDirectory.Server.Features.Admin.Webhooks;

namespace IomDirectory.Server.Web.Admin;

/// <summary>The subscribers page: every subscriber's state, the registration form as sent (with its failures), the subscriber just registered (its secret shown this once).</summary>
public sealed record ConsoleWebhooksModel(IReadOnlyList<WebhookState> Webhooks, ConsoleWebhookForm Form, CreatedWebhook? Created, string Deleted, string FormToken);

/// <summary>The registration form's values and its failures by field ("url", "kinds", "description"; "" for the form).</summary>
public sealed record ConsoleWebhookForm(string Url, IReadOnlyList<string> Kinds, string Description, IReadOnlyDictionary<string, string> Errors)
{
    public static readonly ConsoleWebhookForm Empty = new("", [], "", new Dictionary<string, string>());
}

/// <summary>One subscriber: its state and its latest delivery attempts, newest first.</summary>
public sealed record ConsoleWebhookModel(WebhookState Webhook, IReadOnlyList<WebhookDeliveryRecord> Deliveries, string Notice, string FormToken)
{
    /// <summary>"disabled" (with why), "failing" (retrying), or "enabled".</summary>
    public static string StateOf(WebhookSubscription s) => !s.Enabled ? "disabled" : s.FailedAttempts > 0 || s.FailingSince is not null ? "failing" : "enabled";
}
