namespace IomDirectory.Server.Domain;

public sealed class Country
{
    public string Code { get; set; } = "";
    public LocalizedText Name { get; set; } = LocalizedText.Empty;
}
