namespace IomDirectory.Server.Domain;

public sealed class CommitteeRecord : VersionedRecord
{
    public LocalizedText Name { get; set; } = LocalizedText.Empty;
    public string? Acronym { get; set; }
    public LocalizedText Composition { get; set; } = LocalizedText.Empty;
    public LocalizedText Description { get; set; } = LocalizedText.Empty;
}
