namespace IomDirectory.Server.Infrastructure;

/// <summary>
/// Creates the database's folder (mode 700) and an empty database file (mode 600) before SQLite opens it, so that
/// neither the directory's content nor the signing key beside it is open to other local users. SQLite gives the
/// -wal and -shm files the database file's mode. An existing folder (say /tmp) is left as it is.
/// </summary>
public static class DatabaseFiles
{
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void CreatePrivate(string databasePath)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(databasePath))!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return;
        }
        if (!Directory.Exists(folder))
            Directory.CreateDirectory(folder, Private | UnixFileMode.UserExecute);
        if (File.Exists(databasePath)) return;
        try
        {
            using var _ = new FileStream(databasePath, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = Private });
        }
        catch (IOException) when (File.Exists(databasePath))
        {
            // created meanwhile by another process: SQLite opens that one
        }
    }
}
