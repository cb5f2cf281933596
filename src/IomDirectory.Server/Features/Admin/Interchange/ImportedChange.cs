namespace IomDirectory.Server.Features.Admin.Interchange;

/// <summary>One record an import creates or updates; for an update, the attributes that differ.</summary>
public sealed record ImportedChange(string Kind, string Id, string Change, IReadOnlyList<string> Fields)
{
    public const string Create = "create";
    public const string Update = "update";
}
