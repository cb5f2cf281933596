using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace IomDirectory.Server.Infrastructure;

/// <summary>The embedded store: one SQLite file, owned by one server process (whose write gate serializes its writers).</summary>
public sealed class SqliteStore(DatabaseTarget target) : DirectoryStore(target)
{
    private string Path => Target.SqlitePath!;

    public override bool IsShared => false;

    public override DirectoryDbContext CreateContext() => DirectoryDbContextFactory.Create(Path);

    public override async Task<bool> IsSeededAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(Path)) return false;
        await using var connection = new SqliteConnection($"Data Source={Path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type='table' AND name='Meta'";
        if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 0)
            return false;
        command.CommandText = "SELECT count(*) FROM Meta WHERE Key = $key";
        command.Parameters.AddWithValue("$key", DatabaseInitializer.SeededAtKey);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0;
    }

    public override Task<IAsyncDisposable> LockInitializationAsync(ILogger logger, CancellationToken cancellationToken) =>
        Task.FromResult<IAsyncDisposable>(NothingHeld.Instance);

    public override async Task PrepareNewAsync(DirectoryDbContext db, CancellationToken cancellationToken)
    {
        DatabaseFiles.CreatePrivate(Path);   // only now: bad data leaves nothing behind
        var connection = await OpenAsync(db, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        await command.ExecuteScalarAsync(cancellationToken);
    }

    // BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default): the file's write lock from the start; the process's write
    // gate has already made this the only writer.
    public override Task<IDbContextTransaction> BeginWriteAsync(DirectoryDbContext db, CancellationToken cancellationToken) =>
        db.Database.BeginTransactionAsync(cancellationToken);

    // A deferred transaction reads one committed state of the WAL file and blocks no writer.
    public override async Task<IDbContextTransaction> BeginConsistentReadAsync(DirectoryDbContext db, CancellationToken cancellationToken)
    {
        var connection = (SqliteConnection)await OpenAsync(db, cancellationToken);
        return await db.Database.UseTransactionAsync(connection.BeginTransaction(deferred: true), cancellationToken)
               ?? throw new InvalidOperationException("EF did not take the transaction.");
    }

    public override void BulkInsert<T>(DirectoryDbContext db, IEnumerable<T> rows) =>
        EntityTable<T>.Of(db).Insert((SqliteConnection)db.Database.GetDbConnection(), (SqliteTransaction)CurrentTransaction(db), rows);

    public override async Task<bool> IsReachableAsync(CancellationToken cancellationToken)
    {
        // A plain connection and one statement: an EF context would build its model first, which at start-up
        // delayed the first SERVING by seconds on a loaded machine.
        if (!File.Exists(Path)) return false;
        await using var connection = new SqliteConnection(Target.ConnectionString + ";Mode=ReadOnly");
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 1;
    }

    private sealed class NothingHeld : IAsyncDisposable
    {
        public static readonly NothingHeld Instance = new();
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
