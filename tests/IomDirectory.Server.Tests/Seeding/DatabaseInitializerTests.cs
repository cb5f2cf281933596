using IomDirectory.Server.Infrastructure;
using IomDirectory.Server.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace IomDirectory.Server.Tests.Seeding;

[TestFixture]
public sealed class DatabaseInitializerTests
{
    [Test]
    public async Task FirstStart_OnAMissingDatabase_MigratesAndSeedsInWalMode()
    {
        using var folder = new TempFolder();
        var path = folder.File("nested/dir/directory.db");

        var outcome = await new DatabaseInitializer(path, RepositoryPaths.Data, NullLogger.Instance).InitializeAsync();

        Assert.That(outcome.Seeded, Is.True);
        Assert.That(outcome.Counts.Units, Is.GreaterThan(50));
        Assert.That(Scalar(path, "PRAGMA journal_mode"), Is.EqualTo("wal"));
        Assert.That(Scalar(path, "SELECT count(*) FROM __EFMigrationsHistory"), Is.Not.EqualTo("0"));
    }

    [Test]
    public async Task SecondStart_LoadsNothingTwice()
    {
        using var folder = new TempFolder();
        var path = folder.File("directory.db");
        await new DatabaseInitializer(path, RepositoryPaths.Data, NullLogger.Instance).InitializeAsync();
        var rows = Scalar(path, "SELECT count(*) FROM Units");

        var second = await new DatabaseInitializer(path, RepositoryPaths.Data, NullLogger.Instance).InitializeAsync();

        Assert.That(second.Seeded, Is.False);
        Assert.That(Scalar(path, "SELECT count(*) FROM Units"), Is.EqualTo(rows));
        Assert.That(Scalar(path, "SELECT count(*) FROM Meta"), Is.EqualTo("1"));
    }

    [Test]
    public async Task SeededDatabase_IsNotReadFromDataAgain()
    {
        using var folder = new TempFolder();
        var path = folder.File("directory.db");
        var data = folder.CopyOfData();
        await new DatabaseInitializer(path, data, NullLogger.Instance).InitializeAsync();
        File.WriteAllText(Path.Combine(data, "offices.json"), "not json");

        Assert.DoesNotThrowAsync(() => new DatabaseInitializer(path, data, NullLogger.Instance).InitializeAsync());
    }

    internal static string Scalar(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }
}
