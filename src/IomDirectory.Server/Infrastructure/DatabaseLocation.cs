namespace IomDirectory.Server.Infrastructure;

/// <summary>How the server opens its SQLite file (where it is: <see cref="DatabaseTarget"/>).</summary>
public static class DatabaseLocation
{
    public static string ConnectionString(string path) => $"Data Source={path};Cache=Shared;Pooling=True";
}
