namespace IomDirectory.Server.Domain;

/// <summary>An organizational unit: department, division, unit, office, workstream…, in a tree.</summary>
public sealed class UnitRecord : VersionedRecord
{
    public UnitKind Kind { get; set; }
    public string? Acronym { get; set; }
    public LocalizedText Name { get; set; } = LocalizedText.Empty;
    public string? ParentId { get; set; }
    public string OfficeId { get; set; } = "";
    public LocalizedText Description { get; set; } = LocalizedText.Empty;
    public LocalizedList Responsibilities { get; set; } = LocalizedList.Empty;

    /// <summary>E-mail addresses, phones, postal address, website and route, each with its provenance (mailboxes are records of their own).</summary>
    public ContactChannels Channels { get; set; } = ContactChannels.None;
}
