namespace IomDirectory.Server.Features.Admin.Interchange;

/// <summary>
/// One record an import creates or updates; for an update, the attributes that differ (<see cref="Fields"/>) and
/// their values in force now and in the document (<see cref="Values"/>, as the data/ format writes them).
/// </summary>
public sealed record ImportedChange(string Kind, string Id, string Change, IReadOnlyList<string> Fields, IReadOnlyList<ImportedValue> Values)
{
    public const string Create = "create";
    public const string Update = "update";
}

/// <summary>An attribute an update changes: its data/ name, and its JSON value before and after.</summary>
public sealed record ImportedValue(string Field, string Old, string New);
