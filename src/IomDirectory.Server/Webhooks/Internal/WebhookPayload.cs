using System.Text;
using System.Text.Json;
using Google.Protobuf;
using IomDirectory.Server.Domain;

namespace IomDirectory.Server.Webhooks.Internal;

/// <summary>
/// The body of a delivery, as Standard Webhooks lays one out: <c>{"type", "timestamp", "data"}</c>, where data is the
/// change as the API's <c>AuditEvent</c> message in JSON (the same as WatchChanges streams to editors). A change
/// larger than the payload limit is sent without its before/after content and field changes, with
/// <c>"truncated": true</c>: the subscriber reads them with ListAuditEvents.
/// </summary>
internal static class WebhookPayload
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default);

    /// <summary>The message id: one per change, the same on every attempt and for every subscriber (a subscriber's de-duplication key).</summary>
    public static string IdOf(AuditEventRecord change) => $"evt_{change.Sequence}";

    /// <summary>"directory." + the operation, e.g. "directory.unit.update".</summary>
    public static string TypeOf(AuditEventRecord change) =>
        "directory." + (change.Operation.Contains('.') ? change.Operation : $"{change.EntityKind}.{change.Operation}");

    public static byte[] Of(AuditEventRecord change, int maxBytes)
    {
        var message = Rpc.AuditMapping.Event(change);
        var body = Envelope(change, message, truncated: false);
        if (body.Length <= maxBytes) return body;
        message.BeforeJson = "";
        message.AfterJson = "";
        message.Changes.Clear();
        return Envelope(change, message, truncated: true);
    }

    private static byte[] Envelope(AuditEventRecord change, Contracts.V1.AuditEvent message, bool truncated)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", TypeOf(change));
            json.WriteString("timestamp", DateTime.SpecifyKind(change.At, DateTimeKind.Utc));
            if (truncated) json.WriteBoolean("truncated", true);
            json.WritePropertyName("data");
            json.WriteRawValue(Formatter.Format(message), skipInputValidation: true);
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    public static string Text(byte[] body) => Encoding.UTF8.GetString(body);
}
