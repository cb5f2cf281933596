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

    /// <summary>Other names staff use for the office (a city's newer or older name): found by search, not facts of the sources.</summary>
    public LocalizedList Aliases { get; set; } = LocalizedList.Empty;

    /// <summary>E-mail addresses, phones, postal address, website and route, each with its provenance.</summary>
    public ContactChannels Channels { get; set; } = ContactChannels.None;
}
