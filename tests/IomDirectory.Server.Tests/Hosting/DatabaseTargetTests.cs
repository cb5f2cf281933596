using IomDirectory.Server.Hosting;
using IomDirectory.Server.Infrastructure;
using Npgsql;

namespace IomDirectory.Server.Tests.Hosting;

/// <summary>What <c>--db</c> (or IOMDIR_DB) may say: a SQLite path, a PostgreSQL URI, an Npgsql key-value string.</summary>
[TestFixture]
public sealed class DatabaseTargetTests
{
    [Test]
    public void APath_IsASqliteFile()
    {
        var target = DatabaseTarget.Resolve("/tmp/some folder/directory.db");
        Assert.That(target.Provider, Is.EqualTo(DatabaseProvider.Sqlite));
        Assert.That(target.SqlitePath, Is.EqualTo("/tmp/some folder/directory.db"));
        Assert.That(target.LocalFolder, Is.EqualTo("/tmp/some folder"));
    }

    [Test]
    public void APostgresUri_GivesEveryPart_AndItsDescriptionHidesThePassword()
    {
        var target = DatabaseTarget.Resolve("postgresql://iom%40dir:s%3Acret@db.example.org:6543/iom_directory?sslmode=require&Timeout=7");
        var builder = new NpgsqlConnectionStringBuilder(target.ConnectionString);
        Assert.Multiple(() =>
        {
            Assert.That(target.Provider, Is.EqualTo(DatabaseProvider.PostgreSql));
            Assert.That(builder.Host, Is.EqualTo("db.example.org"));
            Assert.That(builder.Port, Is.EqualTo(6543));
            Assert.That(builder.Username, Is.EqualTo("iom@dir"));
            Assert.That(builder.Password, Is.EqualTo("s:cret"));
            Assert.That(builder.Database, Is.EqualTo("iom_directory"));
            Assert.That(builder.SslMode, Is.EqualTo(SslMode.Require));
            Assert.That(builder.Timeout, Is.EqualTo(7));
            Assert.That(target.Description, Does.Not.Contain("cret"));
            Assert.That(target.Description, Is.EqualTo("postgresql://iom%40dir@db.example.org:6543/iom_directory"));
            Assert.That(target.SqlitePath, Is.Null);
        });
    }

    [TestCase("disable", SslMode.Disable)]
    [TestCase("allow", SslMode.Allow)]
    [TestCase("prefer", SslMode.Prefer)]
    [TestCase("require", SslMode.Require)]
    [TestCase("verify-ca", SslMode.VerifyCA)]
    [TestCase("verify-full", SslMode.VerifyFull)]
    [TestCase("VerifyFull", SslMode.VerifyFull)]
    public void APostgresUri_TakesLibpqSslModes(string given, SslMode mode) =>
        Assert.That(new NpgsqlConnectionStringBuilder(DatabaseTarget.Resolve($"postgresql://db.example.org/dir?sslmode={given}").ConnectionString).SslMode,
            Is.EqualTo(mode));

    [Test]
    public void APostgresUri_TakesLibpqCertificateAndPassfileKeys()
    {
        var target = DatabaseTarget.Resolve("postgresql://iomdir@db.example.org/dir?sslmode=verify-full&sslrootcert=%2Fetc%2Fiomdir%2Fdb-ca.pem&passfile=%2Fetc%2Fiomdir%2Fpgpass");
        var builder = new NpgsqlConnectionStringBuilder(target.ConnectionString);
        Assert.Multiple(() =>
        {
            Assert.That(builder.SslMode, Is.EqualTo(SslMode.VerifyFull));
            Assert.That(builder.RootCertificate, Is.EqualTo("/etc/iomdir/db-ca.pem"));
            Assert.That(builder.Passfile, Is.EqualTo("/etc/iomdir/pgpass"));
        });
    }

    [Test]
    public void AKeyValueString_IsPostgres()
    {
        var target = DatabaseTarget.Resolve("Host=127.0.0.1;Port=5433;Username=iomdir;Database=dir");
        Assert.That(target.Provider, Is.EqualTo(DatabaseProvider.PostgreSql));
        Assert.That(new NpgsqlConnectionStringBuilder(target.ConnectionString).Port, Is.EqualTo(5433));
    }

    [TestCase("postgresql://db.example.org", "database")]
    [TestCase("postgresql://db.example.org/dir?nosuchoption=1", "nosuchoption")]
    [TestCase("Host=;Database=dir", "host")]
    public void AnIncompleteOrUnknownPostgresSetting_IsRefusedSayingWhat(string given, string what) =>
        Assert.That(() => DatabaseTarget.Resolve(given), Throws.ArgumentException.With.Message.Contains(what).IgnoreCase);

    [TestCase("postgresql://db/dir", true)]
    [TestCase("Host=db;Database=dir", true)]
    [TestCase("/tmp/dir.db", false)]
    public void TheDefaultKeyFile_IsBesideASqliteFile_AndInTheLocalDataFolderForPostgres(string database, bool postgres) =>
        Assert.That(IomDirectory.Security.LocalDefaults.DefaultKeyFile(database), Is.EqualTo(postgres
            ? Path.Combine(IomDirectory.Security.LocalDefaults.DataFolder(), "jwt-signing.key")
            : "/tmp/jwt-signing.key"));

    [Test]
    public async Task TheServer_RefusesToStartOnABadDatabaseSetting_SayingWhy() =>
        Assert.That(await StartFailure("--db", "postgresql://db.example.org"), Does.Contain("--db").And.Contain("database"));

    [Test]
    public async Task TheServer_RefusesToStartOnAPostgresThatDoesNotAnswer_SayingWhich() =>
        Assert.That(await StartFailure("--db", "postgresql://nobody@127.0.0.1:1/iomdir"),
            Does.Contain("postgresql://nobody@127.0.0.1:1/iomdir cannot be reached"));

    /// <summary>What the server says on stderr when it does not start.</summary>
    private static async Task<string> StartFailure(params string[] args)
    {
        var error = new StringWriter();
        var previous = Console.Error;
        Console.SetError(error);
        try
        {
            Assert.That(await ServerHost.BuildAsync(args), Is.Null);
        }
        finally
        {
            Console.SetError(previous);
        }
        return error.ToString();
    }
}
