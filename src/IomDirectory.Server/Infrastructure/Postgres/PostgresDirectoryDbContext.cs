using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace IomDirectory.Server.Infrastructure.Postgres;

/// <summary>
/// The directory's model on PostgreSQL. A type of its own only so that EF keeps a second set of migrations
/// (Postgres/Migrations) beside SQLite's: the model is <see cref="DirectoryDbContext"/>'s.
/// </summary>
public sealed class PostgresDirectoryDbContext(DbContextOptions<PostgresDirectoryDbContext> options) : DirectoryDbContext(options);

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
