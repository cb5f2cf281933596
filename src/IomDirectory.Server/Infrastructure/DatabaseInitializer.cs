using System.Diagnostics;
using System.Globalization;
using IomDirectory.Server.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IomDirectory.Server.Infrastructure;

/// <summary>
/// Brings the database to a usable state at start: a missing or empty database is migrated and seeded from
/// data/ in one transaction; a seeded one is only migrated. data/ is read and validated before anything is
/// written, so bad data leaves the database exactly as it was.
/// </summary>
public sealed partial class DatabaseInitializer(DirectoryStore store, string dataDirectory, ILogger logger)
{
    public const string SeededAtKey = "seeded_at";

    /// <summary>Over a SQLite file.</summary>
    public DatabaseInitializer(string databasePath, string dataDirectory, ILogger logger)
        : this(DirectoryStore.For(DatabaseTarget.Sqlite(databasePath)), dataDirectory, logger)
    {
    }

    private string Where => store.Target.Description;

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
    /// As <see cref="InitializeAsync"/>, but when a database of this process's own (SQLite) is to be seeded it returns
    /// as soon as data/ is read and validated, with the migrations and the seeding transaction still running in
    /// <see cref="Outcome.Persisted"/>. The server builds its first snapshot and indexes from <see cref="Outcome.Data"/>
    /// meanwhile, and serves nothing until the transaction has committed. A shared database (PostgreSQL) is migrated
    /// and seeded under the store's initialization lock before this returns, so that of replicas starting at the same
    /// moment exactly one seeds it.
    /// </summary>
    public async Task<Outcome> StartAsync(CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        if (await store.IsSeededAsync(cancellationToken))
            return await MigrateAsync(started, cancellationToken);

        var data = DataSetReader.Read(dataDirectory);   // throws DataLoadException before any write
        var read = Stopwatch.GetElapsedTime(started);
        var seeded = SeedCounts.FromDataSet(data);
        if (store.IsShared)
            return await SeedSharedAsync(data, seeded, started, read, cancellationToken);
        var persisted = Task.Run(() => SeedAsync(data, seeded, started, read, cancellationToken), cancellationToken);
        return new Outcome(true, seeded, data) { Persisted = persisted };
    }

    public DirectoryDbContext CreateContext() => store.CreateContext();

    private async Task<Outcome> MigrateAsync(long started, CancellationToken cancellationToken)
    {
        await using (await store.LockInitializationAsync(logger, cancellationToken))
            return await MigrateLockedAsync(started, cancellationToken);
    }

    private async Task<Outcome> MigrateLockedAsync(long started, CancellationToken cancellationToken)
    {
        await using var db = store.CreateMigrationContext();
        await db.Database.MigrateAsync(cancellationToken);
        var migrated = Stopwatch.GetElapsedTime(started);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var counts = SeedCounts.FromDatabase(db, db.Database.GetDbConnection());
        LogAlreadySeeded(logger, Where, counts.ToString(), Stopwatch.GetElapsedTime(started).TotalMilliseconds, migrated.TotalMilliseconds);
        return new Outcome(false, counts);
    }

    /// <summary>Another replica may have seeded the database since it was checked: the check is made again under the lock.</summary>
    private async Task<Outcome> SeedSharedAsync(DataSet data, SeedCounts seeded, long started, TimeSpan read, CancellationToken cancellationToken)
    {
        await using (await store.LockInitializationAsync(logger, cancellationToken))
        {
            if (await store.IsSeededAsync(cancellationToken))
                return await MigrateLockedAsync(started, cancellationToken);
            await SeedAsync(data, seeded, started, read, cancellationToken);
            return new Outcome(true, seeded, data);
        }
    }

    /// <summary>Migrates the new database and writes the validated data set in one transaction.</summary>
    private async Task SeedAsync(DataSet data, SeedCounts seeded, long started, TimeSpan read, CancellationToken cancellationToken)
    {
        await using var db = store.CreateMigrationContext();
        await store.PrepareNewAsync(db, cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        var migrated = Stopwatch.GetElapsedTime(started);

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var seededAt = new MetaEntry { Key = SeededAtKey, Value = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture) };
            Seeder.Insert(db, store, data, seededAt);
            await transaction.CommitAsync(cancellationToken);
        }
        var total = Stopwatch.GetElapsedTime(started);
        LogSeeded(logger, Where, dataDirectory, seeded.ToString(), total.TotalMilliseconds, read.TotalMilliseconds,
            (migrated - read).TotalMilliseconds, (total - migrated).TotalMilliseconds);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database {Path} was already seeded; loaded nothing. It holds {Counts} " +
        "(checked in {Total:0} ms: migrations {Migrate:0} ms)")]
    private static partial void LogAlreadySeeded(ILogger logger, string path, string counts, double total, double migrate);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {Path} from {DataDirectory}: {Counts} (in {Total:0} ms: " +
        "read and validated data/ {Read:0} ms, migrations {Migrate:0} ms, inserts {Insert:0} ms)")]
    private static partial void LogSeeded(ILogger logger, string path, string dataDirectory, string counts, double total, double read,
        double migrate, double insert);
}
