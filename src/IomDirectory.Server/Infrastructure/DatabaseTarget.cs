using Npgsql;

namespace IomDirectory.Server.Infrastructure;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>
/// Where the directory is stored, from <c>--db</c>, else <c>IOMDIR_DB</c>, else a SQLite file in the user's local data
/// folder: a SQLite path (the embedded default), or a PostgreSQL server — a URI
/// <c>postgresql://user@host:port/database?sslmode=verify-full&amp;sslrootcert=/etc/iomdir/db-ca.pem</c> or an Npgsql key-value connection string
/// (<c>Host=…;Database=…</c>) — shared by any number of server replicas.
/// </summary>
/// <param name="ConnectionString">What the provider opens: SQLite's "Data Source=…", or Npgsql's key-value form.</param>
/// <param name="Description">For logs and messages: the path, or the URI without the password.</param>
/// <param name="SqlitePath">The SQLite file (full path); null for PostgreSQL.</param>
public sealed record DatabaseTarget(DatabaseProvider Provider, string ConnectionString, string Description, string? SqlitePath)
{
    /// <summary>The folder of the local files that go with the store (the signing key unless configured).</summary>
    public string LocalFolder => SqlitePath is { } path
        ? Path.GetDirectoryName(path)!
        : IomDirectory.Security.LocalDefaults.DataFolder();

    public static DatabaseTarget Resolve(string? given)
    {
        var text = string.IsNullOrWhiteSpace(given) ? Environment.GetEnvironmentVariable(IomDirectory.Security.LocalDefaults.DatabaseEnvironmentVariable) : given;
        text = text?.Trim();
        if (!string.IsNullOrEmpty(text))
        {
            if (IomDirectory.Security.LocalDefaults.NamesPostgres(text))
                return PostgreSql(IomDirectory.Security.LocalDefaults.IsPostgresUri(text) ? FromUri(text) : FromKeyValue(text));
        }
        return Sqlite(IomDirectory.Security.LocalDefaults.DatabasePath(text));
    }

    public static DatabaseTarget Sqlite(string path)
    {
        var full = Path.GetFullPath(path);
        return new DatabaseTarget(DatabaseProvider.Sqlite, DatabaseLocation.ConnectionString(full), full, full);
    }

    private static DatabaseTarget PostgreSql(NpgsqlConnectionStringBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Host))
            throw new ArgumentException("The PostgreSQL connection names no host.");
        if (string.IsNullOrEmpty(builder.Database))
            throw new ArgumentException("The PostgreSQL connection names no database (postgresql://user:password@host:port/database).");
        if (string.IsNullOrEmpty(builder.ApplicationName)) builder.ApplicationName = "iomdir";
        var user = string.IsNullOrEmpty(builder.Username) ? "" : Uri.EscapeDataString(builder.Username) + "@";
        var description = $"postgresql://{user}{builder.Host}:{builder.Port}/{builder.Database}";
        return new DatabaseTarget(DatabaseProvider.PostgreSql, builder.ConnectionString, description, null);
    }

    private static NpgsqlConnectionStringBuilder FromKeyValue(string text)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(text);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"The PostgreSQL connection string is not valid: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// The libpq parameters a URI may carry, by their libpq names, with the Npgsql keyword each sets. Any other query key
    /// is taken as an Npgsql keyword (<c>Timeout=7</c>).
    /// </summary>
    private static readonly Dictionary<string, string> LibpqKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sslmode"] = "SSL Mode",
        ["sslrootcert"] = "Root Certificate",
        ["sslcert"] = "SSL Certificate",
        ["sslkey"] = "SSL Key",
        ["sslpassword"] = "SSL Password",
        ["passfile"] = "Passfile",
        ["application_name"] = "Application Name",
        ["connect_timeout"] = "Timeout",
    };

    /// <summary>libpq's sslmode values as Npgsql spells them (libpq writes verify-full, Npgsql VerifyFull).</summary>
    private static readonly Dictionary<string, SslMode> LibpqSslModes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["disable"] = SslMode.Disable,
        ["allow"] = SslMode.Allow,
        ["prefer"] = SslMode.Prefer,
        ["require"] = SslMode.Require,
        ["verify-ca"] = SslMode.VerifyCA,
        ["verify-full"] = SslMode.VerifyFull,
    };

    /// <summary>postgresql://[user[:password]@]host[:port]/database[?key=value&amp;…] (the libpq URI form; query keys as libpq or Npgsql names them).</summary>
    private static NpgsqlConnectionStringBuilder FromUri(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
            throw new ArgumentException("The PostgreSQL URI is not valid: expected postgresql://user:password@host:port/database.");
        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host.Trim('[', ']') };
        if (!uri.IsDefaultPort && uri.Port > 0) builder.Port = uri.Port;
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length > 1) builder.Password = Uri.UnescapeDataString(parts[1]);
        }
        builder.Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            var key = Uri.UnescapeDataString(kv[0]);
            var value = kv.Length > 1 ? Uri.UnescapeDataString(kv[1]) : "";
            try
            {
                var keyword = LibpqKeys.GetValueOrDefault(key, key);
                if (keyword == "SSL Mode" && LibpqSslModes.TryGetValue(value, out var mode))
                    builder.SslMode = mode;
                else
                    builder[keyword] = value;
            }
            catch (ArgumentException ex)
            {
                throw new ArgumentException($"The PostgreSQL URI has an unknown or invalid parameter '{key}': {ex.Message}", ex);
            }
        }
        return builder;
    }
}
