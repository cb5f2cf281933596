namespace IomDirectory.Server.Domain;

/// <summary>A document the directory's facts come from.</summary>
public sealed class SourceDocument
{
    /// <summary>The source of every version an admin writes: the audit trail (AuditSource).</summary>
    public const string AuditTrailId = "audit-trail";

    public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    public string Language { get; set; } = "";
    public DateTime? Date { get; set; }
    public string DateBasis { get; set; } = "";
}
