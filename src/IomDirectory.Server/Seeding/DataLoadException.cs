namespace IomDirectory.Server.Seeding;

/// <summary>data/ cannot be loaded; nothing was written. Carries every problem found.</summary>
public sealed class DataLoadException(IReadOnlyList<DataError> errors)
    : Exception("The data set is invalid; nothing was loaded:" + Environment.NewLine
                + string.Join(Environment.NewLine, errors.Select(e => "  " + e)))
{
    public IReadOnlyList<DataError> Errors { get; } = errors;
}
