namespace IomDirectory.Server.Infrastructure;

/// <summary>
/// Where the SQLite file lives: <c>--db PATH</c>, else <c>IOMDIR_DB</c>, else the user's local data folder
/// (never inside the repository).
/// </summary>
public static class DatabaseLocation
{
    public static string Resolve(string? commandLinePath) => IomDirectory.Security.LocalDefaults.DatabasePath(commandLinePath);

    public static string ConnectionString(string path) => $"Data Source={path};Cache=Shared;Pooling=True";
}
