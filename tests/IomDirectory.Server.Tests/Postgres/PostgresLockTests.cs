using FieldMask = Google.Protobuf.WellKnownTypes.FieldMask;
using Grpc.Core;
using IomDirectory.Contracts.V1;
using IomDirectory.Server.Hosting;
using IomDirectory.Server.Security;
using IomDirectory.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using IomDirectory.Server.Changes;

namespace IomDirectory.Server.Tests.Postgres;

/// <summary>
/// What any role that can connect to the directory's database can do to it, on the shared test server: hold the
/// directory's advisory locks (a write is refused in bounded time naming the holder; start-up stops naming it) and
/// flood its notification channel (which costs no catch-up while it names nothing new).
/// </summary>
[TestFixture]
public sealed class PostgresLockTests
{
    private const long LockSpace = 1768910180;   // "iomd"
    private const string Intruder = "mallory";
    private const string IntruderApplication = "mallory-lock-tool";

    private PostgresServer _postgres = null!;
    private TempFolder _folder = null!;

    [OneTimeSetUp]
    public async Task CreateIntruderRole()
    {
        _postgres = await PostgresServer.Shared;
        _folder = new TempFolder();
        await _postgres.ScalarAsync<object>("postgres", $"DO $$ BEGIN CREATE ROLE {Intruder} LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
    }

    [OneTimeTearDown]
    public void RemoveFolder() => _folder.Dispose();

    /// <summary>A session of an unrelated role on <paramref name="database"/>, as PUBLIC's CONNECT allows.</summary>
    private static async Task<NpgsqlConnection> IntruderAsync(string database)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database)
            { Username = Intruder, ApplicationName = IntruderApplication, Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<Unit> Rename(RunningServer server, string name)
    {
        var unit = await server.Directory.GetUnitAsync(new GetUnitRequest { Id = "pcca" });
        return await server.Admin.UpdateUnitAsync(new UpdateUnitRequest
        {
            Id = "pcca", ExpectedVersion = unit.Version, Unit = new UnitInput { Name = new LocalizedText { En = name } },
            UpdateMask = new FieldMask { Paths = { "name.en" } }, Write = Api.Because("ISSUE-30 locks"),
        }, RunningServer.Bearer(server.Token("erin.editor", Roles.Editor)));
    }

    [Test]
    public async Task WriteLockHeldByAnotherRole_WriteIsUnavailable_NamingTheHolder_AndWritesResumeWhenReleased()
    {
        var database = await TestStores.SeededPostgresAsync();
        await using var server = await RunningServer.StartOnAsync(database, _folder.File("write.key"), "--Database:WriteLockTimeout=00:00:01");
        await using (var intruder = await IntruderAsync(database))
        {
            await Execute(intruder, $"SELECT pg_advisory_lock({LockSpace}, 1)");

            var refused = await Api.Failure(() => Rename(server, "written while the lock is held"));

            Assert.That(refused.Code, Is.EqualTo(StatusCode.Unavailable), refused.Message);
            Assert.That(refused.Message, Does.Contain(IntruderApplication).And.Contain($"\"{Intruder}\"").And.Contain("not applied"));
        }
        var written = await Rename(server, "written once the lock is released");
        Assert.That(written.Names.En, Is.EqualTo("written once the lock is released"));
    }

    [Test]
    public async Task StartupLockHeldByAnotherRole_StartUpStops_WithOneLineNamingTheHolder()
    {
        var database = await TestStores.SeededPostgresAsync();
        await using var intruder = await IntruderAsync(database);
        await Execute(intruder, $"SELECT pg_advisory_lock({LockSpace}, 2)");

        var error = new StringWriter();
        var previous = Console.Error;
        Console.SetError(error);
        try
        {
            Assert.That(await ServerHost.BuildAsync(["--db", database, "--data", RepositoryPaths.Data, "--Jwt:SigningKeyFile", _folder.File("startup.key"),
                "--Database:StartupLockTimeout=00:00:01", "--Logging:LogLevel:Default=None"]), Is.Null);
        }
        finally
        {
            Console.SetError(previous);
        }
        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1), error.ToString());
        Assert.That(lines[0], Does.Contain(IntruderApplication).And.Contain("--Database:StartupLockTimeout"));
    }

    [Test]
    public async Task NotificationFlood_NamingNothingNew_CostsNoCatchUp()
    {
        var database = await TestStores.SeededPostgresAsync();
        await using var server = await RunningServer.StartOnAsync(database, _folder.File("notify.key"), "--Changes:PollInterval=01:00:00");
        var follower = server.Services.GetRequiredService<ChangeFollower>();
        await Eventually.HoldsAsync(() => Task.FromResult(follower.CatchUpRounds > 0), "the replica listens (it catches up once connected)",
            TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(20));
        var before = follower.CatchUpRounds;

        await using (var intruder = await IntruderAsync(database))
        {
            // Distinct payloads (PostgreSQL folds equal ones in one transaction), none a sequence above the snapshot's.
            await Execute(intruder, "SELECT pg_notify('iomdir_changes', (-g)::text) FROM generate_series(1, 20000) g");
            await Execute(intruder, "SELECT pg_notify('iomdir_changes', '999999999')");   // delivered after the flood, names something new
        }

        await Eventually.HoldsAsync(() => Task.FromResult(follower.CatchUpRounds > before), "the last notification is taken in",
            TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(20));
        Assert.That(follower.CatchUpRounds - before, Is.LessThanOrEqualTo(2), "catch-ups for 20,001 notifications");
    }
}
