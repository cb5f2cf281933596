using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace IomDirectory.Server.Infrastructure.Postgres;

/// <summary>
/// The directory's model on PostgreSQL. A type of its own so that EF keeps a second set of migrations
/// (Postgres/Migrations) beside SQLite's: the model is <see cref="DirectoryDbContext"/>'s, but for the audit sequence,
/// which the database alone assigns (GENERATED ALWAYS): an INSERT naming one is refused, since an event far ahead of
/// the others would hide every later one from the replicas.
/// </summary>
public sealed class PostgresDirectoryDbContext(DbContextOptions<PostgresDirectoryDbContext> options) : DirectoryDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Domain.AuditEventRecord>().Property(a => a.Sequence).UseIdentityAlwaysColumn();
    }
}

/// <summary>What dotnet-ef uses to create PostgreSQL migrations (it never connects).</summary>
public sealed class PostgresDirectoryDbContextFactory : IDesignTimeDbContextFactory<PostgresDirectoryDbContext>
{
    public PostgresDirectoryDbContext CreateDbContext(string[] args) => Create("Host=localhost;Database=iomdir_design");

    public static PostgresDirectoryDbContext Create(string connectionString) => new(Options(connectionString));

    public static DbContextOptions<PostgresDirectoryDbContext> Options(string connectionString) =>
        new DbContextOptionsBuilder<PostgresDirectoryDbContext>()
            .UseNpgsql(connectionString, o => o.MigrationsHistoryTable("__EFMigrationsHistory"))
            .Options;
}
