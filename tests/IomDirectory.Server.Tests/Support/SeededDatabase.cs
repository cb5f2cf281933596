using IomDirectory.Server.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using IomDirectory.Server.Snapshots;

namespace IomDirectory.Server.Tests.Support;

/// <summary>A real SQLite file seeded from the repository's data/, and a snapshot read back from it.</summary>
public sealed class SeededDatabase : IDisposable
{
    private readonly TempFolder _folder = new();

    private SeededDatabase() => Path = _folder.File("directory.db");

    public string Path { get; }

    public DirectorySnapshotProvider Snapshots { get; private set; } = null!;

    public DirectoryView Now => Snapshots.Current.At(DateTime.UtcNow);

    public DirectoryView At(string date) => Snapshots.Current.At(DateTime.Parse(date, null, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal));

    public static async Task<SeededDatabase> CreateAsync()
    {
        var db = new SeededDatabase();
        await new DatabaseInitializer(db.Path, RepositoryPaths.Data, NullLogger.Instance).InitializeAsync();
        db.Snapshots = new DirectorySnapshotProvider(DirectoryStore.For(DatabaseTarget.Sqlite(db.Path)));
        await db.Snapshots.ReloadAsync();
        return db;
    }

    public void Dispose() => _folder.Dispose();
}
