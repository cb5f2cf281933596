namespace IomDirectory.Server.Infrastructure;

/// <summary>
/// Where the SQLite file lives: <c>--db PATH</c>, else <c>IOMDIR_DB</c>, else the user's local data folder
/// (never inside the repository).
/// </summary>
public static class DatabaseLocation
{
    public const string EnvironmentVariable = "IOMDIR_DB";

    public static string Resolve(string? commandLinePath)
    {
        var path = commandLinePath;
        if (string.IsNullOrWhiteSpace(path))
            path = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(path))
            path = Path.Combine(DefaultFolder(), "directory.db");
        return Path.GetFullPath(path);
    }

    public static string DefaultFolder()
    {
        var root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create);
        if (string.IsNullOrEmpty(root))
            root = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return Path.Combine(root, "IomDirectory");
    }

    public static string ConnectionString(string path) => $"Data Source={path};Cache=Shared;Pooling=True";
}
