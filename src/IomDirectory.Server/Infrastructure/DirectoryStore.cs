using System.Data;
using System.Data.Common;
using IomDirectory.Server.Infrastructure.Postgres;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace IomDirectory.Server.Infrastructure;

/// <summary>
/// What differs between the two stores the directory runs on: SQLite (one server process owns one file) and
/// PostgreSQL (any number of replicas share one database). Everything above this works through EF contexts and these
/// few operations; nothing else names a provider.
/// </summary>
public abstract class DirectoryStore(DatabaseTarget target)
{
    public DatabaseTarget Target { get; } = target;

    /// <summary>Whether other server processes may write to the same database (so changes arrive from outside this one).</summary>
    public abstract bool IsShared { get; }

    public static DirectoryStore For(DatabaseTarget target, StoreOptions? options = null) => target.Provider switch
    {
        DatabaseProvider.Sqlite => new SqliteStore(target),
        DatabaseProvider.PostgreSql => new PostgresStore(target, options),
        _ => throw new ArgumentOutOfRangeException(nameof(target)),
    };

    public abstract DirectoryDbContext CreateContext();

    /// <summary>Whether the database has been seeded, without creating anything.</summary>
    public abstract Task<bool> IsSeededAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Held while the database is migrated and, when empty, seeded: on a shared store it keeps replicas starting at
    /// the same moment from seeding twice (the second one finds the database seeded). A wait that runs out throws
    /// <see cref="StoreLockTimeoutException"/>; while it waits, who holds the lock is logged to <paramref name="logger"/>.
    /// </summary>
    public abstract Task<IAsyncDisposable> LockInitializationAsync(ILogger logger, CancellationToken cancellationToken);

    /// <summary>Prepares a new database file before the first migration (SQLite: private file mode, WAL).</summary>
    public virtual Task PrepareNewAsync(DirectoryDbContext db, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Begins the transaction of a write and takes the store's write lock in it, held until it commits or rolls back:
    /// on a shared store, writers on every replica queue here, so a write's validation and its commit see a state
    /// no other write is changing.
    /// </summary>
    public abstract Task<IDbContextTransaction> BeginWriteAsync(DirectoryDbContext db, CancellationToken cancellationToken);

    /// <summary>Tells the other replicas, when the write's transaction commits, that changes up to <paramref name="sequence"/> exist.</summary>
    public virtual Task AnnounceAsync(DirectoryDbContext db, long sequence, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A transaction in which every read sees the same committed state (a consistent snapshot of all tables).</summary>
    public abstract Task<IDbContextTransaction> BeginConsistentReadAsync(DirectoryDbContext db, CancellationToken cancellationToken);

    /// <summary>Inserts rows in the context's current transaction, without change tracking.</summary>
    public abstract void BulkInsert<T>(DirectoryDbContext db, IEnumerable<T> rows) where T : class;

    /// <summary>One cheap round trip to the database.</summary>
    public abstract Task<bool> IsReachableAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Waits until another process announces a change, or <paramref name="timeout"/> passes (then the caller polls);
    /// a store with no such signal just waits. Returns the highest sequence announced, or null when the caller should
    /// catch up in any case (the timeout passed, or the store cannot tell). Throws when the database cannot be reached.
    /// </summary>
    public virtual async Task<long?> WaitForAnnouncementAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        await Task.Delay(timeout, cancellationToken);
        return null;
    }

    /// <summary>
    /// The last audit sequence the database itself has assigned (0 for none), read in <paramref name="db"/>'s
    /// transaction; null when the store cannot tell (SQLite, whose one process assigns them all, or a role that may
    /// not read the sequence). An event above it was not written by the service.
    /// </summary>
    public virtual Task<long?> LastAssignedSequenceAsync(DirectoryDbContext db, CancellationToken cancellationToken) => Task.FromResult<long?>(null);

    /// <summary>The context migrations and seeding run in: the schema owner's on PostgreSQL when one is configured.</summary>
    public virtual DirectoryDbContext CreateMigrationContext() => CreateContext();

    /// <summary>What in the database's set-up weakens the directory's guarantees, for start-up warnings (none on SQLite).</summary>
    public virtual Task<IReadOnlyList<string>> SecurityWarningsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([]);

    /// <summary>Whether a failure means the database cannot be reached now (so UNAVAILABLE and retry), not a fault in the request.</summary>
    public static bool IsUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case Npgsql.PostgresException postgres:
                    return postgres.IsTransient || postgres.SqlState.StartsWith("08", StringComparison.Ordinal) ||
                           postgres.SqlState is "57P01" or "57P02" or "57P03" or "53300";
                case Npgsql.NpgsqlException npgsql when npgsql.IsTransient:
                case System.Net.Sockets.SocketException:
                case TimeoutException:
                    return true;
                case Microsoft.Data.Sqlite.SqliteException sqlite when sqlite.SqliteErrorCode is 5 or 6 or 10 or 14:   // BUSY, LOCKED, IOERR, CANTOPEN
                    return true;
            }
        }
        return false;
    }

    /// <summary>The ADO.NET transaction open on the context (bulk reads and inserts run their commands in it).</summary>
    public static DbTransaction CurrentTransaction(DirectoryDbContext db) =>
        db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("No transaction is open on the context.");

    protected static async Task<DbConnection> OpenAsync(DirectoryDbContext db, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != ConnectionState.Open) await db.Database.OpenConnectionAsync(cancellationToken);
        return connection;
    }
}
