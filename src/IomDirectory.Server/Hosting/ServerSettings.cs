using IomDirectory.Server.Infrastructure;

namespace IomDirectory.Server.Hosting;

/// <summary>
/// Where the server keeps its directory and finds its seed data (<c>--db</c>, <c>IOMDIR_DB</c>, <c>--data</c>), and how
/// it uses the store (<see cref="StoreOptions"/>: lock waits, <c>--migration-db</c>).
/// </summary>
public sealed record ServerSettings(DatabaseTarget Database, string DataDirectory, StoreOptions Store)
{
    /// <summary>Throws <see cref="ArgumentException"/> whose message starts with the setting at fault.</summary>
    public static ServerSettings From(IConfiguration configuration) => new(
        ResolveDatabase(configuration["db"]),
        Path.GetFullPath(configuration["data"] ?? Path.Combine(AppContext.BaseDirectory, "data")),
        StoreOptions.From(configuration));

    private static DatabaseTarget ResolveDatabase(string? given)
    {
        try
        {
            return DatabaseTarget.Resolve(given);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"--db: {ex.Message}", ex);
        }
    }
}
