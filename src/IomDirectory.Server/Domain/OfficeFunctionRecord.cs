namespace IomDirectory.Server.Domain;

/// <summary>A special function an office holds for a time: sub-regional coordination, resource mobilization.</summary>
public sealed class OfficeFunctionRecord : VersionedRecord
{
    public string OfficeId { get; set; } = "";
    public string Kind { get; set; } = "";
    public LocalizedText Subregion { get; set; } = LocalizedText.Empty;
    public LocalizedText Description { get; set; } = LocalizedText.Empty;
}
