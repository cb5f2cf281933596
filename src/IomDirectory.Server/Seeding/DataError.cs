namespace IomDirectory.Server.Seeding;

/// <summary>One problem in data/: the file, the record, and what is wrong.</summary>
public sealed record DataError(string File, string RecordId, string Message)
{
    public override string ToString() => $"{File}: record '{RecordId}': {Message}";
}
