namespace IomDirectory.Server.Seeding;

/// <summary>
/// One problem in a data set: where the record is (a file of data/, or a path such as "units[3]" in a one-file
/// document), the record, what is wrong, and — when one attribute is to blame — its name.
/// </summary>
public sealed record DataError(string File, string RecordId, string Message, string? Field = null)
{
    /// <summary>The path of the problem within a document ("units[3].parent").</summary>
    public string Path => Field is null ? File : $"{File}.{Field}";

    public override string ToString() => $"{File}: record '{RecordId}': {Message}";
}
