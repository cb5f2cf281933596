using System.Globalization;
using IomDirectory.Server.Seeding;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IomDirectory.Server.Infrastructure;

/// <summary>
/// Brings the database to a usable state at start: a missing or empty database is migrated and seeded from
/// data/ in one transaction; a seeded one is only migrated. data/ is read and validated before anything is
/// written, so bad data leaves the database exactly as it was.
/// </summary>
public sealed partial class DatabaseInitializer(string databasePath, string dataDirectory, ILogger logger)
{
    public const string SeededAtKey = "seeded_at";

    public sealed record Outcome(bool Seeded, SeedCounts Counts);

    public async Task<Outcome> InitializeAsync(CancellationToken cancellationToken = default)
    {
        if (await IsSeededAsync(cancellationToken))
        {
            await using var existing = CreateContext();
            await existing.Database.MigrateAsync(cancellationToken);
            var counts = await SeedCounts.FromDatabaseAsync(existing, cancellationToken);
            LogAlreadySeeded(logger, databasePath, counts.ToString());
            return new Outcome(false, counts);
        }

        var data = DataSetReader.Read(dataDirectory);   // throws DataLoadException before any write

        Directory.CreateDirectory(Path.GetDirectoryName(databasePath)!);
        await using var db = CreateContext();
        await db.Database.MigrateAsync(cancellationToken);
        await EnableWalAsync(db, cancellationToken);

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            Seeder.Add(db, data);
            db.Meta.Add(new MetaEntry { Key = SeededAtKey, Value = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture) });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        var seeded = SeedCounts.FromDataSet(data);
        LogSeeded(logger, databasePath, dataDirectory, seeded.ToString());
        return new Outcome(true, seeded);
    }

    public DirectoryDbContext CreateContext() => DirectoryDbContextFactory.Create(databasePath);

    private async Task<bool> IsSeededAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(databasePath)) return false;
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type='table' AND name='Meta'";
        if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 0)
            return false;
        command.CommandText = "SELECT count(*) FROM Meta WHERE Key = $key";
        command.Parameters.AddWithValue("$key", SeededAtKey);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0;
    }

    private static async Task EnableWalAsync(DirectoryDbContext db, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
            await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        await command.ExecuteScalarAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database {Path} was already seeded; loaded nothing. It holds {Counts}")]
    private static partial void LogAlreadySeeded(ILogger logger, string path, string counts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {Path} from {DataDirectory}: {Counts}")]
    private static partial void LogSeeded(ILogger logger, string path, string dataDirectory, string counts);
}
