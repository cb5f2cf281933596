namespace IomDirectory.Server.Domain;

/// <summary>Which regional (and sub-regional) office covers a country over a period.</summary>
public sealed class CoverageRecord : VersionedRecord
{
    public string Country { get; set; } = "";
    public string RegionalOfficeId { get; set; } = "";
    public string? SubRegionalOfficeId { get; set; }
}
