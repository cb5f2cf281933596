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
    public sealed record Outcome(bool Seeded, SeedCounts Counts, DataSet? Data = null)
    {
        /// <summary>Completes once the database holds everything: at once, unless <see cref="StartAsync"/> is still seeding.</summary>
        public Task Persisted { get; init; } = Task.CompletedTask;
    }

    /// <summary>Brings the database to a usable state; returns once it is (seeded and committed, or checked).</summary>
    public async Task<Outcome> InitializeAsync(CancellationToken cancellationToken = default)
    {
        var outcome = await StartAsync(cancellationToken);
        await outcome.Persisted;
        return outcome;
    }

    /// <summary>
    /// As <see cref="InitializeAsync"/>, but when the database is to be seeded it returns as soon as data/ is read and
    /// validated, with the migrations and the seeding transaction still running in <see cref="Outcome.Persisted"/>. The
    /// server builds its first snapshot and indexes from <see cref="Outcome.Data"/> meanwhile, and serves nothing until
    /// the transaction has committed.
    /// </summary>
    public async Task<Outcome> StartAsync(CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        if (await IsSeededAsync(cancellationToken))
            return await MigrateAsync(started, cancellationToken);

        var data = DataSetReader.Read(dataDirectory);   // throws DataLoadException before any write
        var read = Stopwatch.GetElapsedTime(started);
        var seeded = SeedCounts.FromDataSet(data);
        var persisted = Task.Run(() => SeedAsync(data, seeded, started, read, cancellationToken), cancellationToken);
        return new Outcome(true, seeded, data) { Persisted = persisted };
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

    /// <summary>Migrates the new database and writes the validated data set in one transaction.</summary>
    private async Task SeedAsync(DataSet data, SeedCounts seeded, long started, TimeSpan read, CancellationToken cancellationToken)
    {
        DatabaseFiles.CreatePrivate(databasePath);   // only now: bad data leaves nothing behind
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
        var total = Stopwatch.GetElapsedTime(started);
        LogSeeded(logger, databasePath, dataDirectory, seeded.ToString(), total.TotalMilliseconds, read.TotalMilliseconds,
            (migrated - read).TotalMilliseconds, (total - migrated).TotalMilliseconds);
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
