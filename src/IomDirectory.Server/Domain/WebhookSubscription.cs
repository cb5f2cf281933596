namespace IomDirectory.Server.Domain;

/// <summary>
/// A subscriber to the change stream, delivered by webhook. Its cursor (<see cref="DeliveredSequence"/>) over the
/// audit trail is the durable outbox: every committed change is an audit event written in the change's own
/// transaction, so a change is either committed and pending for every subscriber or not made at all. The lease
/// columns let one replica at a time deliver to a subscriber, so its deliveries stay in sequence order.
/// </summary>
public sealed class WebhookSubscription
{
    public string Id { get; set; } = "";
    public string Url { get; set; } = "";

    /// <summary>"whsec_" + base64 of the key: what Standard Webhooks libraries take to verify.</summary>
    public string Secret { get; set; } = "";

    /// <summary>Record kinds delivered, comma-separated; empty: every kind.</summary>
    public string Kinds { get; set; } = "";

    public string Description { get; set; } = "";
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public bool Enabled { get; set; } = true;
    public string DisabledReason { get; set; } = "";

    /// <summary>Every change up to this audit sequence has been delivered, or was not of the subscriber's kinds.</summary>
    public long DeliveredSequence { get; set; }

    public DateTime NextAttemptAt { get; set; }
    public int FailedAttempts { get; set; }
    public DateTime? FailingSince { get; set; }
    public string LastError { get; set; } = "";
    public DateTime? LastDeliveredAt { get; set; }

    /// <summary>The replica delivering to this subscriber now, until <see cref="LeaseUntil"/>.</summary>
    public string LeaseOwner { get; set; } = "";

    public DateTime? LeaseUntil { get; set; }
}

/// <summary>One attempt to deliver one change to a subscriber (the latest few are kept per subscriber).</summary>
public sealed class WebhookDeliveryRecord
{
    public long Id { get; set; }
    public string SubscriptionId { get; set; } = "";
    public long Sequence { get; set; }
    public DateTime At { get; set; }
    public int Attempt { get; set; }
    public int StatusCode { get; set; }
    public bool Delivered { get; set; }
    public string Error { get; set; } = "";
    public double Milliseconds { get; set; }
}
