
namespace IomDirectory.Server.Domain;

/// <summary>
/// The source document of every version an admin writes: the audit trail. Registered in the Sources table by the
/// seeding, so provenance always resolves; the audit event of the change names who and why.
/// </summary>
public static class AuditSource
{
    public const string Id = SourceDocument.AuditTrailId;

    public static SourceDocument Document => new()
    {
        Id = Id,
        Title = "Change made through the AdminService (see the audit trail for actor, time and reason)",
        Language = "",
        DateBasis = "each version's valid_from is the change's effective date",
    };
}
