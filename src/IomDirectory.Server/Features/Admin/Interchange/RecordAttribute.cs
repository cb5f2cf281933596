namespace IomDirectory.Server.Features.Admin.Interchange;

/// <summary>
/// One attribute of a record in the data/ format: its name there, its value (compared by equality to find what an
/// import changes, and written by <see cref="InterchangeJson"/>), and how to copy it onto another version.
/// </summary>
public sealed record RecordAttribute<T>(string Name, Func<T, object?> Get, Action<T, T> Copy);
