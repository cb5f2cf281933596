using System.Data;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace IomDirectory.Server.Infrastructure.Postgres;

/// <summary>
/// The scale-out store: one PostgreSQL database shared by any number of stateless server replicas. Writers on every
/// replica serialize on one transaction-scoped advisory lock; a committed write announces its audit sequence with
/// NOTIFY (delivered at commit), and each replica follows the audit trail from the last sequence it has applied.
/// </summary>
public sealed partial class PostgresStore : DirectoryStore, IAsyncDisposable
{
    /// <summary>The advisory-lock namespace of this service ("iomd"), then one key per lock.</summary>
    private const int LockSpace = 0x696F6D64;
    private const int WriteLock = 1;
    private const int InitializationLock = 2;

    /// <summary>The NOTIFY channel of committed changes; the payload is the last audit sequence of the write.</summary>
    public const string Channel = "iomdir_changes";

    /// <summary>How often start-up asks again for the initialization lock while another session holds it.</summary>
    private static readonly TimeSpan LockRetry = TimeSpan.FromMilliseconds(250);

    /// <summary>Notifications already received are taken in with the one that woke the listener, up to this many.</summary>
    private const int MaxNotificationsPerWait = 10_000;

    private readonly NpgsqlDataSource _dataSource;
    private readonly DbContextOptions<PostgresDirectoryDbContext> _options;
    private readonly NpgsqlDataSource? _migrationDataSource;
    private readonly DbContextOptions<PostgresDirectoryDbContext>? _migrationOptions;
    private readonly StoreOptions _settings;
    private readonly SemaphoreSlim _listenGate = new(1, 1);
    private NpgsqlConnection? _listener;
    private long _announced;   // the highest sequence announced since the last wait returned

    public PostgresStore(DatabaseTarget target, StoreOptions? settings = null) : base(target)
    {
        _settings = settings ?? StoreOptions.Default;
        _dataSource = NpgsqlDataSource.Create(target.ConnectionString);
        _options = new DbContextOptionsBuilder<PostgresDirectoryDbContext>().UseNpgsql(_dataSource).Options;
        if (_settings.Migration is { } owner)
        {
            _migrationDataSource = NpgsqlDataSource.Create(owner.ConnectionString);
            _migrationOptions = new DbContextOptionsBuilder<PostgresDirectoryDbContext>().UseNpgsql(_migrationDataSource).Options;
        }
    }

    /// <summary>As the schema's owner (<c>--migration-db</c>) when one is configured, else as the service's role.</summary>
    public override DirectoryDbContext CreateMigrationContext() =>
        _migrationOptions is { } owner ? new PostgresDirectoryDbContext(owner) : CreateContext();

    /// <summary>The identity's last value, unless this role may not read the sequence (then null: the check is skipped, and start-up warned).</summary>
    public override async Task<long?> LastAssignedSequenceAsync(DirectoryDbContext db, CancellationToken cancellationToken)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = AssignedSequenceSql;
        return await command.ExecuteScalarAsync(cancellationToken) is long last ? last : null;
    }

    private const string AssignedSequenceSql = """
        SELECT CASE WHEN has_sequence_privilege(s, 'SELECT') THEN coalesce(pg_sequence_last_value(s), 0) END
        FROM (SELECT pg_get_serial_sequence('"AuditEvents"', 'Sequence')::regclass AS s) q
        """;

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

    /// <summary>
    /// A session advisory lock on a connection of its own, released (and the connection closed) on dispose. Asked for
    /// with pg_try_advisory_lock until <see cref="StoreOptions.StartupLockTimeout"/>: any role that can connect can
    /// take the same key, so a wait says who holds it and ends with a <see cref="StoreLockTimeoutException"/>.
    /// </summary>
    public override async Task<IAsyncDisposable> LockInitializationAsync(ILogger logger, CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand($"SELECT pg_try_advisory_lock({LockSpace}, {InitializationLock})", connection);
            var started = Stopwatch.GetTimestamp();
            for (var attempt = 0; ; attempt++)
            {
                if (await command.ExecuteScalarAsync(cancellationToken) is true) return new SessionLock(connection);
                var waited = Stopwatch.GetElapsedTime(started);
                if (attempt == 0 || waited >= _settings.StartupLockTimeout)
                {
                    var holder = await LockHolder.DescribeAsync(_dataSource, LockSpace, InitializationLock, cancellationToken);
                    if (waited >= _settings.StartupLockTimeout)
                        throw new StoreLockTimeoutException($"The database {Target.Description} was not free to migrate within " +
                            $"{_settings.StartupLockTimeout.TotalSeconds:0} s: its start-up lock (advisory lock {LockSpace},{InitializationLock}) " +
                            $"is held by {holder}. End that session, or raise --Database:StartupLockTimeout if another replica is seeding a large directory.");
                    LogWaitingForStartupLock(logger, Target.Description, holder, _settings.StartupLockTimeout.TotalSeconds);
                }
                await Task.Delay(LockRetry, cancellationToken);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The write lock, waited for at most <see cref="StoreOptions.WriteLockTimeout"/> (lock_timeout, for this transaction:
    /// any other lock a write would wait on is bounded the same way). When it runs out the write is refused, naming
    /// the session that holds the lock.
    /// </summary>
    public override async Task<IDbContextTransaction> BeginWriteAsync(DirectoryDbContext db, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        try
        {
            var boundWait = "SET LOCAL lock_timeout = " + Math.Ceiling(_settings.WriteLockTimeout.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await db.Database.ExecuteSqlRawAsync(boundWait, cancellationToken);
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({LockSpace}, {WriteLock})", cancellationToken);
            return transaction;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            await transaction.DisposeAsync();
            var holder = await LockHolder.DescribeAsync(_dataSource, LockSpace, WriteLock, cancellationToken);
            throw new StoreLockTimeoutException($"The directory's write lock (advisory lock {LockSpace},{WriteLock} in {Target.Description}) " +
                $"was not free within {_settings.WriteLockTimeout.TotalSeconds:0.#} s: it is held by {holder}. This write was not applied; retry later.", ex);
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
    /// LISTENs on a connection of its own (opened again after a failure). Returns null at once after (re)connecting,
    /// since what committed before the LISTEN was not announced to this replica, and null after the timeout. Otherwise
    /// the highest sequence announced by the notifications received so far (up to <see cref="MaxNotificationsPerWait"/>
    /// taken in at once): a burst costs one answer, and a payload that is not a sequence counts as 0.
    /// </summary>
    public override async Task<long?> WaitForAnnouncementAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        await _listenGate.WaitAsync(cancellationToken);
        try
        {
            if (_listener is null)
            {
                var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
                try
                {
                    connection.Notification += (_, e) => RecordAnnouncement(e.Payload);
                    await using var listen = new NpgsqlCommand($"LISTEN {Channel}", connection);
                    await listen.ExecuteNonQueryAsync(cancellationToken);
                }
                catch
                {
                    await connection.DisposeAsync();
                    throw;
                }
                _listener = connection;
                return null;
            }
            try
            {
                Interlocked.Exchange(ref _announced, 0);
                if (!await _listener.WaitAsync(timeout, cancellationToken)) return null;
                // Npgsql's WaitAsync takes in one notification; those already received follow without waiting (1 ms: 0 would wait forever).
                for (var taken = 1; taken < MaxNotificationsPerWait && await _listener.WaitAsync(1, cancellationToken); taken++)
                {
                }
                return Interlocked.Exchange(ref _announced, 0);
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

    public override async Task<IReadOnlyList<string>> SecurityWarningsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT has_database_privilege('public', current_database(), 'CONNECT'),
                   current_user,
                   (SELECT pg_has_role(current_user, c.relowner, 'USAGE') FROM pg_class c WHERE c.oid = to_regclass('"AuditEvents"')),
                   (SELECT has_sequence_privilege(pg_get_serial_sequence('"AuditEvents"', 'Sequence'), 'SELECT'))
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var warnings = new List<string>();
        if (reader.GetBoolean(0))
            warnings.Add($"PUBLIC may connect to {Target.Description}: any role of the server can take the directory's locks and flood its " +
                "notifications. Run REVOKE CONNECT ON DATABASE <name> FROM PUBLIC and GRANT CONNECT to the directory's roles (README, Deployment).");
        if (!reader.IsDBNull(2) && reader.GetBoolean(2))
            warnings.Add($"The service's role \"{reader.GetString(1)}\" owns the audit table of {Target.Description}: it can disable the triggers " +
                "that keep the audit trail append-only, so that guarantee does not bind it. Let another role own the schema and migrate with " +
                "--migration-db (README, Deployment).");
        if (!reader.IsDBNull(3) && !reader.GetBoolean(3))
            warnings.Add($"The service's role \"{reader.GetString(1)}\" may not read the audit sequence of {Target.Description}, so events " +
                "inserted around the service cannot be detected. GRANT SELECT ON ALL SEQUENCES IN SCHEMA public to it (README, Deployment).");
        return warnings;
    }

    private void RecordAnnouncement(string payload)
    {
        var sequence = long.TryParse(payload, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var announced) ? announced : 0;
        for (var seen = Interlocked.Read(ref _announced); sequence > seen; seen = Interlocked.Read(ref _announced))
            if (Interlocked.CompareExchange(ref _announced, sequence, seen) == seen) return;
    }

    public async ValueTask DisposeAsync()
    {
        await DropListenerAsync();
        await _dataSource.DisposeAsync();
        if (_migrationDataSource is not null) await _migrationDataSource.DisposeAsync();
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Start-up waits for the migration lock of {Database}, held by {Holder}; " +
        "giving up after {Timeout:0} s")]
    private static partial void LogWaitingForStartupLock(ILogger logger, string database, string holder, double timeout);

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
