namespace IomDirectory.Server.Infrastructure;

/// <summary>Facts about the database itself (when it was seeded, from what).</summary>
public sealed class MetaEntry
{
    public string Key { get; set; } = "";
    public string Value { get; set; } = "";
}
