using IomDirectory.Server.Domain;

namespace IomDirectory.Server.Features.Admin.Offices;

public sealed record OfficeFields(OfficeType Type, LocalizedText Name, LocalizedText City, string Country, string ParentId, LocalizedText Description,
    Common.ChannelFields Channels)
{
    public static readonly IReadOnlySet<string> Paths = new HashSet<string>(StringComparer.Ordinal)
        { "type", "name", "city", "country_code", "parent_office_id", "description", "channels" };
}
