using Google.Protobuf.WellKnownTypes;
using IomDirectory.Contracts.V1;
using IomDirectory.Server.Domain;

namespace IomDirectory.Server.Rpc;

internal static class AuditMapping
{
    public static AuditEvent Event(AuditEventRecord e)
    {
        var message = Fields(e);
        message.Changes.AddRange(Features.History.FieldChanges.OfAuditEvent(e).Select(MessageMapping.Change));
        return message;
    }

    private static AuditEvent Fields(AuditEventRecord e) => new()
    {
        Sequence = e.Sequence,
        At = Timestamp.FromDateTime(e.At),
        Actor = e.Actor,
        ActorRole = e.ActorRole,
        Operation = e.Operation,
        EntityKind = e.EntityKind,
        EntityId = e.EntityId,
        BeforeJson = e.BeforeJson,
        AfterJson = e.AfterJson,
        Reason = e.Reason,
        EffectiveFrom = Timestamp.FromDateTime(e.EffectiveFrom),
    };
}
