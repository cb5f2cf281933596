using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace IomDirectory.Server.Infrastructure.Postgres;

/// <summary>
/// The scale-out store: one PostgreSQL database shared by any number of stateless server replicas. Writers on every
/// replica serialize on one transaction-scoped advisory lock; a committed write announces its audit sequence with
/// NOTIFY (delivered at commit), and each replica follows the audit trail from the last sequence it has applied.
/// </summary>
public sealed class PostgresStore : DirectoryStore, IAsyncDisposable
{
    /// <summary>The advisory-lock namespace of this service ("iomd"), then one key per lock.</summary>
    private const int LockSpace = 0x696F6D64;
    private const int WriteLock = 1;
    private const int InitializationLock = 2;

    /// <summary>The NOTIFY channel of committed changes; the payload is the last audit sequence of the write.</summary>
    public const string Channel = "iomdir_changes";

    private readonly NpgsqlDataSource _dataSource;
    private readonly DbContextOptions<PostgresDirectoryDbContext> _options;
    private readonly SemaphoreSlim _listenGate = new(1, 1);
    private NpgsqlConnection? _listener;

    public PostgresStore(DatabaseTarget target) : base(target)
    {
        _dataSource = NpgsqlDataSource.Create(target.ConnectionString);
        _options = new DbContextOptionsBuilder<PostgresDirectoryDbContext>().UseNpgsql(_dataSource).Options;
    }

    public override bool IsShared => true;

    public override DirectoryDbContext CreateContext() => new PostgresDirectoryDbContext(_options);

    public override async Task<bool> IsSeededAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""SELECT to_regclass('"Meta"') IS NOT NULL""", connection);
        if (await command.ExecuteScalarAsync(cancellationToken) is not true) return false;
        command.CommandText = """SELECT count(*) FROM "Meta" WHERE "Key" = @key""";
        command.Parameters.AddWithValue("key", DatabaseInitializer.SeededAtKey);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! > 0;
    }

    /// <summary>A session advisory lock on a connection of its own, released (and the connection closed) on dispose.</summary>
    public override async Task<IAsyncDisposable> LockInitializationAsync(CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand($"SELECT pg_advisory_lock({LockSpace}, {InitializationLock})", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new SessionLock(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public override async Task<IDbContextTransaction> BeginWriteAsync(DirectoryDbContext db, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        try
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({LockSpace}, {WriteLock})", cancellationToken);
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    public override Task AnnounceAsync(DirectoryDbContext db, long sequence, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync("SELECT pg_notify({0}, {1})", [Channel, sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)], cancellationToken);

    // REPEATABLE READ: every statement of the transaction sees the state of its first one.
    public override Task<IDbContextTransaction> BeginConsistentReadAsync(DirectoryDbContext db, CancellationToken cancellationToken) =>
        db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);

    public override void BulkInsert<T>(DirectoryDbContext db, IEnumerable<T> rows) =>
        EntityTable<T>.Of(db).InsertBatched(db.Database.GetDbConnection(), CurrentTransaction(db), rows);

    public override async Task<bool> IsReachableAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT 1", connection);
        return await command.ExecuteScalarAsync(cancellationToken) is 1;
    }

    /// <summary>
    /// LISTENs on a connection of its own (opened again after a failure). Returns at once after (re)connecting, since
    /// what committed before the LISTEN was not announced to this replica.
    /// </summary>
    public override async Task WaitForAnnouncementAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        await _listenGate.WaitAsync(cancellationToken);
        try
        {
            if (_listener is null)
            {
                var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
                try
                {
                    await using var listen = new NpgsqlCommand($"LISTEN {Channel}", connection);
                    await listen.ExecuteNonQueryAsync(cancellationToken);
                }
                catch
                {
                    await connection.DisposeAsync();
                    throw;
                }
                _listener = connection;
                return;
            }
            try
            {
                await _listener.WaitAsync(timeout, cancellationToken);   // true for a notification, false after the timeout: either way, catch up
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                await DropListenerAsync();
                throw;
            }
        }
        finally
        {
            _listenGate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await DropListenerAsync();
        await _dataSource.DisposeAsync();
    }

    private async Task DropListenerAsync()
    {
        var listener = Interlocked.Exchange(ref _listener, null);
        if (listener is not null)
        {
            try
            {
                await listener.DisposeAsync();
            }
            catch (Exception)
            {
                // the connection is broken already
            }
        }
    }

    private sealed class SessionLock(NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = new NpgsqlCommand($"SELECT pg_advisory_unlock({LockSpace}, {InitializationLock})", connection);
                await command.ExecuteNonQueryAsync();
            }
            finally
            {
                await connection.DisposeAsync();   // closing the session releases the lock in any case
            }
        }
    }
}
