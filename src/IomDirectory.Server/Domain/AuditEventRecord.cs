namespace IomDirectory.Server.Domain;

/// <summary>
/// One committed change: who, when, what, to which record, before and after, and why. The sequence numbers the
/// change stream; the table is append-only.
/// </summary>
public sealed class AuditEventRecord
{
    public long Sequence { get; set; }
    public DateTime At { get; set; }
    public string Actor { get; set; } = "";
    public string ActorRole { get; set; } = "";
    public string Operation { get; set; } = "";
    public string EntityKind { get; set; } = "";
    public string EntityId { get; set; } = "";
    public string BeforeJson { get; set; } = "";
    public string AfterJson { get; set; } = "";
    public string Reason { get; set; } = "";
    public DateTime EffectiveFrom { get; set; }
}
