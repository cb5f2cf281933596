using System.Diagnostics;
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

    /// <param name="Data">The records written, when this start seeded the database (the first snapshot is built from them).</param>
    public sealed record Outcome(bool Seeded, SeedCounts Counts, DataSet? Data = null);

    public async Task<Outcome> InitializeAsync(CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        return await IsSeededAsync(cancellationToken)
            ? await MigrateAsync(started, cancellationToken)
            : await SeedAsync(started, cancellationToken);
    }

    public DirectoryDbContext CreateContext() => DirectoryDbContextFactory.Create(databasePath);

    private async Task<Outcome> MigrateAsync(long started, CancellationToken cancellationToken)
    {
        await using var db = CreateContext();
        await db.Database.MigrateAsync(cancellationToken);
        var migrated = Stopwatch.GetElapsedTime(started);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var counts = SeedCounts.FromDatabase(db, (SqliteConnection)db.Database.GetDbConnection());
        LogAlreadySeeded(logger, databasePath, counts.ToString(), Stopwatch.GetElapsedTime(started).TotalMilliseconds, migrated.TotalMilliseconds);
        return new Outcome(false, counts);
    }

    private async Task<Outcome> SeedAsync(long started, CancellationToken cancellationToken)
    {
        // EF builds its model and migrations on the other core while data/ is read; that touches no file.
        var model = Task.Run(PrepareModel, cancellationToken);
        var data = DataSetReader.Read(dataDirectory);   // throws DataLoadException before any write
        await model;
        var read = Stopwatch.GetElapsedTime(started);

        Directory.CreateDirectory(Path.GetDirectoryName(databasePath)!);
        await using var db = CreateContext();
        await db.Database.MigrateAsync(cancellationToken);
        await EnableWalAsync(db, cancellationToken);
        var migrated = Stopwatch.GetElapsedTime(started);

        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await using (var transaction = connection.BeginTransaction())
        {
            var seededAt = new MetaEntry { Key = SeededAtKey, Value = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture) };
            Seeder.Insert(db, connection, transaction, data, seededAt);
            await transaction.CommitAsync(cancellationToken);
        }
        var seeded = SeedCounts.FromDataSet(data);
        var total = Stopwatch.GetElapsedTime(started);
        LogSeeded(logger, databasePath, dataDirectory, seeded.ToString(), total.TotalMilliseconds, read.TotalMilliseconds,
            (migrated - read).TotalMilliseconds, (total - migrated).TotalMilliseconds);
        return new Outcome(true, seeded, data);
    }

    private void PrepareModel()
    {
        using var db = CreateContext();
        _ = db.Database.GetMigrations().Count();
    }

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

    [LoggerMessage(Level = LogLevel.Information, Message = "Database {Path} was already seeded; loaded nothing. It holds {Counts} " +
        "(checked in {Total:0} ms: migrations {Migrate:0} ms)")]
    private static partial void LogAlreadySeeded(ILogger logger, string path, string counts, double total, double migrate);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {Path} from {DataDirectory}: {Counts} (in {Total:0} ms: " +
        "read and validated data/ {Read:0} ms, migrations {Migrate:0} ms, inserts {Insert:0} ms)")]
    private static partial void LogSeeded(ILogger logger, string path, string dataDirectory, string counts, double total, double read,
        double migrate, double insert);
}
