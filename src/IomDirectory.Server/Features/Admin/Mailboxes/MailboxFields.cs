using IomDirectory.Server.Domain;

namespace IomDirectory.Server.Features.Admin.Mailboxes;

/// <summary>A mailbox belongs to a unit (<see cref="OwnerId"/>) or an office (<see cref="OwnerOfficeId"/>): exactly one.</summary>
public sealed record MailboxFields(string Address, string OwnerId, LocalizedText Purpose, string OwnerOfficeId = "")
{
    public static readonly IReadOnlySet<string> Paths = new HashSet<string>(StringComparer.Ordinal) { "address", "owner_unit_id", "owner_office_id", "purpose" };

    /// <summary>Whether the write sets the owner (either owner field).</summary>
    public static bool SetsOwner(Common.FieldMask mask) => mask.Sets("owner_unit_id") || mask.Sets("owner_office_id");

    /// <summary>The owner given: the unit, else the office.</summary>
    public string Owner => OwnerId.Trim().Length > 0 ? OwnerId.Trim() : OwnerOfficeId.Trim();
}
