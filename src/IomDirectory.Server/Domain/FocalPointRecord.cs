namespace IomDirectory.Server.Domain;

/// <summary>A role held at an office on behalf of a unit (the DHRR Regional Thematic Specialist, …).</summary>
public sealed class FocalPointRecord : VersionedRecord
{
    public LocalizedText RoleTitle { get; set; } = LocalizedText.Empty;
    public string OfficeId { get; set; } = "";
    public string UnitId { get; set; } = "";
    public string? Person { get; set; }

    /// <summary>The person's own title ("Senior Emergency Officer"), where known.</summary>
    public string? PersonTitle { get; set; }
    public string? Email { get; set; }
    public LocalizedText Description { get; set; } = LocalizedText.Empty;

    /// <summary>Phones and other channels besides <see cref="Email"/>, and a route where the sources give no address.</summary>
    public ContactChannels Channels { get; set; } = ContactChannels.None;
}
