using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace IomDirectory.Server.Infrastructure;

/// <summary>Creates contexts over a SQLite file; also what dotnet-ef uses at design time.</summary>
public sealed class DirectoryDbContextFactory : IDesignTimeDbContextFactory<DirectoryDbContext>
{
    public DirectoryDbContext CreateDbContext(string[] args) =>
        Create(Path.Combine(Path.GetTempPath(), "iomdir-design.db"));

    public static DirectoryDbContext Create(string databasePath) =>
        new(Options(databasePath));

    public static DbContextOptions<DirectoryDbContext> Options(string databasePath) =>
        new DbContextOptionsBuilder<DirectoryDbContext>()
            .UseSqlite(DatabaseLocation.ConnectionString(databasePath))
            .Options;
}
