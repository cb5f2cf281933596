namespace IomDirectory.Security;

/// <summary>Where a local installation keeps its files, and the token parameters it uses unless configured otherwise.</summary>
public static class LocalDefaults
{
    public const string Issuer = "iomdirectory-local";
    public const string Audience = "iomdirectory";
    public const string KeyFileName = "jwt-signing.key";
    public const string DatabaseEnvironmentVariable = "IOMDIR_DB";

    /// <summary>The longest token lifetime a server accepts unless configured otherwise (<c>Jwt:MaxTokenLifetime</c>).</summary>
    public static readonly TimeSpan MaxTokenLifetime = TimeSpan.FromHours(24);

    /// <summary>The user's local data folder for IomDirectory (~/.local/share/IomDirectory on Linux).</summary>
    public static string DataFolder()
    {
        var root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create);
        if (string.IsNullOrEmpty(root))
            root = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return Path.Combine(root, "IomDirectory");
    }

    /// <summary>The database path: the given one, else IOMDIR_DB, else directory.db in <see cref="DataFolder"/>.</summary>
    public static string DatabasePath(string? given)
    {
        var path = given;
        if (string.IsNullOrWhiteSpace(path)) path = Environment.GetEnvironmentVariable(DatabaseEnvironmentVariable);
        if (string.IsNullOrWhiteSpace(path)) path = Path.Combine(DataFolder(), "directory.db");
        return Path.GetFullPath(path);
    }

    /// <summary>
    /// Whether a database setting names a PostgreSQL server — a <c>postgresql://</c> (or <c>postgres://</c>) URI, or an
    /// Npgsql key-value string setting a host — rather than a SQLite file.
    /// </summary>
    public static bool NamesPostgres(string setting) =>
        IsPostgresUri(setting)
        || (setting.Contains('=') && setting.Split(';').Any(part => part.Split('=', 2)[0].Trim() is var key &&
            (key.Equals("Host", StringComparison.OrdinalIgnoreCase) || key.Equals("Server", StringComparison.OrdinalIgnoreCase))));

    /// <summary>A <c>postgresql://</c> or <c>postgres://</c> URI.</summary>
    public static bool IsPostgresUri(string setting) =>
        setting.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || setting.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The key file a server on this database setting (the given one, else IOMDIR_DB, else the default file) uses
    /// unless configured: beside a SQLite file; in <see cref="DataFolder"/> for PostgreSQL.
    /// </summary>
    public static string DefaultKeyFile(string? database)
    {
        var setting = string.IsNullOrWhiteSpace(database) ? Environment.GetEnvironmentVariable(DatabaseEnvironmentVariable) : database;
        return setting is not null && NamesPostgres(setting.Trim())
            ? Path.Combine(DataFolder(), KeyFileName)
            : KeyFileBeside(DatabasePath(setting));
    }

    /// <summary>The local signing key file beside a database.</summary>
    public static string KeyFileBeside(string databasePath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(databasePath))!, KeyFileName);
}
