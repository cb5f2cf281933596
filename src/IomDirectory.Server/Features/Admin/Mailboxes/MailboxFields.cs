using IomDirectory.Server.Domain;

namespace IomDirectory.Server.Features.Admin.Mailboxes;

public sealed record MailboxFields(string Address, string OwnerId, LocalizedText Purpose)
{
    public static readonly IReadOnlySet<string> Paths = new HashSet<string>(StringComparer.Ordinal) { "address", "owner_unit_id", "purpose" };
}
