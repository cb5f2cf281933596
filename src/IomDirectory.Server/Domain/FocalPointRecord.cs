namespace IomDirectory.Server.Domain;

/// <summary>A role held at an office on behalf of a unit (the DHRR Regional Thematic Specialist, …).</summary>
public sealed class FocalPointRecord : VersionedRecord
{
    public LocalizedText RoleTitle { get; set; } = LocalizedText.Empty;
    public string OfficeId { get; set; } = "";
    public string UnitId { get; set; } = "";
    public string? Person { get; set; }
    public string? Email { get; set; }
    public LocalizedText Description { get; set; } = LocalizedText.Empty;
}
