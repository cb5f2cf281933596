namespace IomDirectory.Server.Domain;

public sealed class OfficeRecord : VersionedRecord
{
    public OfficeType Type { get; set; }
    public LocalizedText Name { get; set; } = LocalizedText.Empty;
    public LocalizedText City { get; set; } = LocalizedText.Empty;
    public string Country { get; set; } = "";
    public string? ParentId { get; set; }
    public LocalizedText Description { get; set; } = LocalizedText.Empty;
    public LocalizedList Responsibilities { get; set; } = LocalizedList.Empty;
}
