using System.Collections.Concurrent;
using FieldMask = Google.Protobuf.WellKnownTypes.FieldMask;
using Grpc.Core;
using Grpc.Health.V1;
using IomDirectory.Contracts.Transport;
using IomDirectory.Contracts.V1;
using IomDirectory.Security;
using IomDirectory.Server.Security;
using IomDirectory.Server.Tests.Support;
using Npgsql;

namespace IomDirectory.Server.Tests.Postgres;

/// <summary>
/// Faults of a PostgreSQL deployment, on a PostgreSQL server of this fixture's own (it is stopped and started): the
/// database restarting under read load, and a replica killed with SIGKILL in the middle of writes.
/// </summary>
[TestFixture]
public sealed class PostgresFaultTests
{
    private PostgresServer _postgres = null!;
    private TempFolder _folder = null!;

    [OneTimeSetUp]
    public async Task StartPostgres()
    {
        _postgres = await PostgresServer.StartAsync();
        _folder = new TempFolder();
    }

    [OneTimeTearDown]
    public async Task StopPostgres()
    {
        await _postgres.DisposeAsync();
        _folder.Dispose();
    }

    private async Task<string> EmptyDatabase() => _postgres.ConnectionString(await _postgres.CreateDatabaseAsync());

    [Test]
    public async Task DatabaseRestart_UnderReadLoad_FailsNoRead_RefusesWritesAsUnavailable_AndTheReplicasRecoverMissingNothing()
    {
        var database = await EmptyDatabase();
        var key = _folder.File("restart.key");
        await using var a = await RunningServer.StartOnAsync(database, key, "--Changes:PollInterval=00:00:00.200");
        await using var b = await RunningServer.StartOnAsync(database, key, "--Changes:PollInterval=00:00:00.200");
        var editor = a.Token("erin.editor", Roles.Editor);

        using var stopReading = new CancellationTokenSource();
        var failures = new ConcurrentQueue<string>();
        var reads = 0;
        var readers = new[] { a, b, a, b }.Select((server, i) => Task.Run(async () =>
        {
            while (!stopReading.IsCancellationRequested)
            {
                try
                {
                    if (i % 2 == 0)
                        await server.Directory.GetUnitAsync(new GetUnitRequest { Id = "pcca" });
                    else
                        await server.Directory.SearchDirectoryAsync(new SearchDirectoryRequest { Query = "climate" });
                    Interlocked.Increment(ref reads);
                }
                catch (Exception ex)
                {
                    failures.Enqueue(ex.Message);
                }
            }
        })).ToList();

        await Task.Delay(300);
        await _postgres.StopAsync();

        var refused = await Api.Failure(() => Rename(a, "written while the database is down", editor));
        Assert.That(refused.Code, Is.EqualTo(StatusCode.Unavailable), refused.Message);
        Assert.That(refused.Message, Does.Contain("database"));
        await Until(async () => await Health(a, AdminService.Descriptor.FullName) == HealthCheckResponse.Types.ServingStatus.NotServing, "AdminService NOT_SERVING");
        Assert.That(await Health(a, ""), Is.EqualTo(HealthCheckResponse.Types.ServingStatus.Serving), "reads are served: the server stays SERVING");
        var readsWhileDown = reads;
        await Task.Delay(500);
        Assert.That(reads, Is.GreaterThan(readsWhileDown), "reads go on while the database is down");

        await _postgres.StartAgainAsync();
        Unit? written = null;
        await Until(async () =>
        {
            try
            {
                written = await Rename(b, "written after the restart", b.Token("erin.editor", Roles.Editor));
                return true;
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.Unavailable)
            {
                return false;
            }
        }, "a write succeeds once the database is back");
        await Until(async () => (await a.Directory.GetUnitAsync(new GetUnitRequest { Id = "pcca" })).Names.En == written!.Names.En,
            "replica A follows changes again");
        await Until(async () => await Health(a, AdminService.Descriptor.FullName) == HealthCheckResponse.Types.ServingStatus.Serving, "AdminService SERVING again");

        await stopReading.CancelAsync();
        await Task.WhenAll(readers);
        Assert.That(failures, Is.Empty, "no read failed");
        Assert.That(reads, Is.GreaterThan(100));
    }

    [Test]
    public async Task ReplicaKilledDuringWrites_EveryAcknowledgedWriteIsInTheDatabase_WithItsAuditEvent()
    {
        var database = await EmptyDatabase();
        var key = _folder.File("kill.key");
        IReadOnlyCollection<string> acknowledged;
        await using (var seeding = await RunningServer.StartOnAsync(database, key))
        {
            // seeds the database, then leaves: the replica killed below starts on a seeded database, as replicas do
        }
        await using (var replica = await ServerProcess.StartAsync(database, "--Jwt:SigningKeyFile", key))
        {
            var token = LocalTokenIssuer.Mint(SigningKey.Read(key), "crash.tester", Roles.Editor, TimeSpan.FromMinutes(10));
            acknowledged = await CrashWriters.CreateUnitsUntilKilledAsync(replica, token);
        }

        var name = new NpgsqlConnectionStringBuilder(database).Database!;
        var created = await Column(database, """SELECT DISTINCT "Id" FROM "Units" WHERE "Id" LIKE 'crash-unit-%'""");
        var audited = await Column(database, """SELECT "EntityId" FROM "AuditEvents" WHERE "Operation" = 'unit.create'""");
        Assert.That(created, Is.SupersetOf(acknowledged));
        Assert.That(audited, Is.EquivalentTo(created), $"every stored change of {name} has its audit event and every audit event its change");
        await using var other = await RunningServer.StartOnAsync(database, key);
        foreach (var id in acknowledged)
            Assert.That((await other.Directory.GetUnitAsync(new GetUnitRequest { Id = id })).ParentUnitId, Is.EqualTo("pcca"), id);
    }

    private static async Task<Unit> Rename(RunningServer server, string name, string token)
    {
        var unit = await server.Directory.GetUnitAsync(new GetUnitRequest { Id = "pcca" });
        return await server.Admin.UpdateUnitAsync(new UpdateUnitRequest
        {
            Id = "pcca", ExpectedVersion = unit.Version, Unit = new UnitInput { Name = new LocalizedText { En = name } },
            UpdateMask = new FieldMask { Paths = { "name.en" } }, Write = Api.Because("TICKET-18 faults"),
        }, RunningServer.Bearer(token));
    }

    private static async Task<HealthCheckResponse.Types.ServingStatus> Health(RunningServer server, string service) =>
        (await server.Health.CheckAsync(new HealthCheckRequest { Service = service }, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(5)))).Status;

    private static Task Until(Func<Task<bool>> condition, string what) =>
        Eventually.HoldsAsync(condition, what, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(100));

    private static async Task<List<string>> Column(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync()) values.Add(reader.GetString(0));
        return values;
    }
}
