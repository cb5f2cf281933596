using IomDirectory.Server.Infrastructure;

namespace IomDirectory.Server.Hosting;

/// <summary>Where the server keeps its directory and finds its seed data (<c>--db</c>, <c>IOMDIR_DB</c>, <c>--data</c>).</summary>
public sealed record ServerSettings(DatabaseTarget Database, string DataDirectory)
{
    public static ServerSettings From(IConfiguration configuration) => new(
        DatabaseTarget.Resolve(configuration["db"]),
        Path.GetFullPath(configuration["data"] ?? Path.Combine(AppContext.BaseDirectory, "data")));
}
