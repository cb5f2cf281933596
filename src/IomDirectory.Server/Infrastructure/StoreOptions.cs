namespace IomDirectory.Server.Infrastructure;

/// <summary>
/// How a store behaves beyond where it is: how long a write and a start-up wait for the store's locks (another process
/// may hold them, a replica or anyone else who can connect), and, on PostgreSQL, the connection of the role that owns
/// the schema, used only to migrate and seed it (<c>--migration-db</c>, <c>IOMDIR_MIGRATION_DB</c>) so that the
/// role the service runs as need not own the tables.
/// </summary>
/// <param name="WriteLockTimeout">A write waits this long for the write lock, then is refused as UNAVAILABLE naming the holder.</param>
/// <param name="StartupLockTimeout">Start-up waits this long for the migration and seeding lock, then stops naming the holder.</param>
/// <param name="Migration">The owner's connection for migrating and seeding; null: the service's own connection does it.</param>
public sealed record StoreOptions(TimeSpan WriteLockTimeout, TimeSpan StartupLockTimeout, DatabaseTarget? Migration = null)
{
    public const string MigrationEnvironmentVariable = "IOMDIR_MIGRATION_DB";

    public static readonly TimeSpan DefaultWriteLockTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Long enough for another replica to seed a large directory.</summary>
    public static readonly TimeSpan DefaultStartupLockTimeout = TimeSpan.FromMinutes(2);

    public static StoreOptions Default { get; } = new(DefaultWriteLockTimeout, DefaultStartupLockTimeout);

    /// <summary><c>--Database:WriteLockTimeout</c>, <c>--Database:StartupLockTimeout</c>, <c>--migration-db</c> (else <c>IOMDIR_MIGRATION_DB</c>).</summary>
    public static StoreOptions From(IConfiguration configuration)
    {
        var migration = configuration["migration-db"];
        if (string.IsNullOrWhiteSpace(migration)) migration = Environment.GetEnvironmentVariable(MigrationEnvironmentVariable);
        DatabaseTarget? target = null;
        if (!string.IsNullOrWhiteSpace(migration))
        {
            try
            {
                target = DatabaseTarget.Resolve(migration);
            }
            catch (ArgumentException ex)
            {
                throw new ArgumentException($"--migration-db: {ex.Message}", ex);
            }
            if (target.Provider != DatabaseProvider.PostgreSql)
                throw new ArgumentException("--migration-db: names a PostgreSQL connection (the role that owns the schema).");
        }
        return new StoreOptions(
            Positive(configuration.GetValue("Database:WriteLockTimeout", DefaultWriteLockTimeout), "--Database:WriteLockTimeout"),
            Positive(configuration.GetValue("Database:StartupLockTimeout", DefaultStartupLockTimeout), "--Database:StartupLockTimeout"),
            target);
    }

    private static TimeSpan Positive(TimeSpan value, string name) =>
        value > TimeSpan.Zero ? value : throw new ArgumentException($"{name} must be a positive time span (hh:mm:ss).");
}
