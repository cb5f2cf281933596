namespace IomDirectory.Server.Domain;

/// <summary>A document the directory's facts come from.</summary>
public sealed class SourceDocument
{
    public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    public string Language { get; set; } = "";
    public DateTime? Date { get; set; }
    public string DateBasis { get; set; } = "";
}
