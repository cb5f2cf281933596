using System.Text.RegularExpressions;
using FieldMask = Google.Protobuf.WellKnownTypes.FieldMask;
using Grpc.Core;
using Grpc.Health.V1;
using IomDirectory.Contracts.Transport;
using IomDirectory.Contracts.V1;
using IomDirectory.Server.Security;
using IomDirectory.Server.Tests.Support;
using Npgsql;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace IomDirectory.Server.Tests.Postgres;

/// <summary>
/// The audit trail against roles that write around the service, on the shared test server: the database alone assigns
/// sequences; an event it never assigned stalls the change feed visibly (AdminService NOT_SERVING, a metric, writes
/// UNAVAILABLE) instead of hiding every later write; and the service's role, when another owns the schema, cannot
/// switch off the append-only triggers.
/// </summary>
[TestFixture]
public sealed class PostgresAuditIntegrityTests
{
    private const string Owner = "iomdir_schema_owner";
    private const string Runtime = "iomdir_runtime";
    private const long Stray = 1_000_000_000;

    private PostgresServer _postgres = null!;
    private TempFolder _folder = null!;

    [OneTimeSetUp]
    public async Task CreateRoles()
    {
        _postgres = await PostgresServer.Shared;
        _folder = new TempFolder();
        foreach (var role in new[] { Owner, Runtime })
            await _postgres.ScalarAsync<object>("postgres", $"DO $$ BEGIN CREATE ROLE {role} LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
    }

    [OneTimeTearDown]
    public void RemoveFolder() => _folder.Dispose();

    private const string AuditColumns = "\"At\", \"Actor\", \"ActorRole\", \"Operation\", \"EntityKind\", \"EntityId\", \"BeforeJson\", \"AfterJson\", \"Reason\", \"EffectiveFrom\"";
    private const string AuditValues = "now(), 'mallory', 'admin', 'unit.update', 'unit', 'pcca', '', '', 'by hand', now()";

    [Test]
    public async Task AnInsertNamingTheSequence_IsRefusedByTheDatabase()
    {
        var database = await TestStores.SeededPostgresAsync();
        var refused = Assert.ThrowsAsync<PostgresException>(() => Execute(database,
            $"INSERT INTO \"AuditEvents\" (\"Sequence\", {AuditColumns}) VALUES ({Stray}, {AuditValues})"));
        Assert.That(refused!.SqlState, Is.EqualTo("428C9"), refused.Message);   // generated_always
    }

    [Test]
    public async Task AnEventTheSequenceNeverAssigned_StallsTheFeedVisibly_WritesAreUnavailable_UntilItIsRemoved()
    {
        var database = await TestStores.SeededPostgresAsync();
        await using var server = await RunningServer.StartOnAsync(database, _folder.File("stall.key"),
            "--Changes:PollInterval=00:00:00.200", "--Metrics:ScrapeCacheMilliseconds=0");
        using var http = new HttpClient { BaseAddress = server.WebAddress };
        await Rename(server, "before the stray event");

        await Execute(database, $"INSERT INTO \"AuditEvents\" (\"Sequence\", {AuditColumns}) OVERRIDING SYSTEM VALUE VALUES ({Stray}, {AuditValues})");

        await Until(async () => await Health(server, AdminService.Descriptor.FullName) == ServingStatus.NotServing, "AdminService NOT_SERVING");
        Assert.That(await Health(server, ""), Is.EqualTo(ServingStatus.Serving), "reads go on from the snapshot");
        Assert.That(await Stalled(http), Is.EqualTo(1), "iomdir_changefeed_stalled");
        var refused = await Api.Failure(() => Rename(server, "written while stalled"));
        Assert.That(refused.Code, Is.EqualTo(StatusCode.Unavailable), refused.Message);
        Assert.That(refused.Message, Does.Contain($"{Stray}"));

        await Execute(database, $"""
            ALTER TABLE "AuditEvents" DISABLE TRIGGER USER;
            DELETE FROM "AuditEvents" WHERE "Sequence" = {Stray};
            ALTER TABLE "AuditEvents" ENABLE TRIGGER USER;
            """);
        await Until(async () => await Health(server, AdminService.Descriptor.FullName) == ServingStatus.Serving, "AdminService SERVING once repaired");
        Assert.That(await Stalled(http), Is.EqualTo(0));
        var written = await Rename(server, "written once repaired");
        Assert.That((await server.Directory.GetUnitAsync(new GetUnitRequest { Id = "pcca" })).Names.En, Is.EqualTo(written.Names.En));
    }

    [Test]
    public async Task WithTheSchemaOwnedByAnotherRole_TheServiceRoleCannotDisableTheTriggers_OrRewriteEvents()
    {
        var name = await _postgres.CreateDatabaseAsync();
        // The README's set-up, in order: the owner owns the database; the service's role gets DML by default privileges.
        await Execute(_postgres.ConnectionString("postgres"), $"""
            ALTER DATABASE {name} OWNER TO {Owner};
            REVOKE CONNECT, TEMPORARY ON DATABASE {name} FROM PUBLIC;
            GRANT CONNECT ON DATABASE {name} TO {Owner}, {Runtime};
            """);
        await Execute(_postgres.ConnectionString(name), $"""
            ALTER SCHEMA public OWNER TO {Owner};
            GRANT USAGE ON SCHEMA public TO {Runtime};
            ALTER DEFAULT PRIVILEGES FOR ROLE {Owner} IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {Runtime};
            ALTER DEFAULT PRIVILEGES FOR ROLE {Owner} IN SCHEMA public GRANT SELECT ON SEQUENCES TO {Runtime};
            """);
        var owner = As(name, Owner);
        var runtime = As(name, Runtime);

        await using (var server = await RunningServer.StartOnAsync(runtime, _folder.File("roles.key"), "--migration-db", owner))
        {
            var written = await Rename(server, "written by the service's role");
            Assert.That(written.Names.En, Is.EqualTo("written by the service's role"));
        }
        Assert.That(await Scalar(runtime, "SELECT pg_get_userbyid(relowner) FROM pg_class WHERE relname = 'AuditEvents'"), Is.EqualTo(Owner));
        var disable = Assert.ThrowsAsync<PostgresException>(() => Execute(runtime, "ALTER TABLE \"AuditEvents\" DISABLE TRIGGER USER"));
        Assert.That(disable!.SqlState, Is.EqualTo(PostgresErrorCodes.InsufficientPrivilege), disable.Message);
        Assert.ThrowsAsync<PostgresException>(() => Execute(runtime, "UPDATE \"AuditEvents\" SET \"Reason\" = 'rewritten'"));
        Assert.ThrowsAsync<PostgresException>(() => Execute(runtime, "DELETE FROM \"AuditEvents\""));
        Assert.That(await Scalar(runtime, "SELECT count(*) FROM \"AuditEvents\" WHERE \"Reason\" = 'rewritten'"), Is.EqualTo("0"));
    }

    private string As(string database, string role) =>
        new NpgsqlConnectionStringBuilder(_postgres.ConnectionString(database)) { Username = role }.ConnectionString;

    private static async Task Execute(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string?> Scalar(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<Unit> Rename(RunningServer server, string name)
    {
        var unit = await server.Directory.GetUnitAsync(new GetUnitRequest { Id = "pcca" });
        return await server.Admin.UpdateUnitAsync(new UpdateUnitRequest
        {
            Id = "pcca", ExpectedVersion = unit.Version, Unit = new UnitInput { Name = new LocalizedText { En = name } },
            UpdateMask = new FieldMask { Paths = { "name.en" } }, Write = Api.Because("ISSUE-30 audit"),
        }, RunningServer.Bearer(server.Token("erin.editor", Roles.Editor)));
    }

    private static async Task<ServingStatus> Health(RunningServer server, string service) =>
        (await server.Health.CheckAsync(new HealthCheckRequest { Service = service }, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(5)))).Status;

    private static async Task<int?> Stalled(HttpClient http)
    {
        var scrape = await http.GetStringAsync("/metrics");
        var match = Regex.Match(scrape, @"^iomdir_changefeed_stalled(\{[^}]*\})? (\d+)", RegexOptions.Multiline);
        return match.Success ? int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    private static Task Until(Func<Task<bool>> condition, string what) =>
        Eventually.HoldsAsync(condition, what, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(100));
}
