using IomDirectory.Server.Domain;

namespace IomDirectory.Server.Features.Admin.FocalPoints;

public sealed record FocalPointFields(LocalizedText RoleTitle, string OfficeId, string UnitId, string Person, string Email, LocalizedText Description,
    string PersonTitle, Common.ChannelFields Channels)
{
    public static readonly IReadOnlySet<string> Paths = new HashSet<string>(StringComparer.Ordinal)
        { "role_title", "office_id", "unit_id", "person_name", "email", "description", "person_title", "channels" };
}
