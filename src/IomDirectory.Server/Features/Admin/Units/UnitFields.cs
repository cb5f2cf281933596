using IomDirectory.Server.Domain;

namespace IomDirectory.Server.Features.Admin.Units;

/// <summary>The attributes of a unit an admin sets (the parent changes only through a move).</summary>
public sealed record UnitFields(
    UnitKind Kind,
    string Acronym,
    LocalizedText Name,
    string ParentId,
    string OfficeId,
    LocalizedText Description,
    LocalizedList Responsibilities,
    Common.ChannelFields Channels)
{
    public static readonly IReadOnlySet<string> Paths = new HashSet<string>(StringComparer.Ordinal)
        { "kind", "acronym", "name", "office_id", "description", "responsibilities_en", "responsibilities_fr", "responsibilities_es", "channels" };
}
