using FieldMask = Google.Protobuf.WellKnownTypes.FieldMask;
using Grpc.Core;
using IomDirectory.Contracts.Transport;
using IomDirectory.Contracts.V1;
using IomDirectory.Server.Security;
using IomDirectory.Server.Tests.Support;
using Npgsql;

namespace IomDirectory.Server.Tests.Postgres;

/// <summary>
/// Several server replicas on one PostgreSQL database (the shared test server, a fresh database per test): a write
/// on one is seen on the other; concurrent writes on different replicas keep every rule; replicas starting together
/// on an empty database seed it once; the audit trail is append-only in the database.
/// </summary>
[TestFixture]
public sealed class PostgresReplicaTests
{
    private readonly List<RunningServer> _servers = [];
    private string _database = "";
    private string _keyFile = "";
    private TempFolder _folder = null!;

    [SetUp]
    public async Task CreateDatabase()
    {
        _folder = new TempFolder();
        _keyFile = _folder.File("jwt-signing.key");   // one key for the replicas, as a deployment shares one
        _database = await TestStores.SeededPostgresAsync();
    }

    [TearDown]
    public async Task Stop()
    {
        foreach (var server in _servers) await server.DisposeAsync();
        _servers.Clear();
        _folder.Dispose();
    }

    private async Task<RunningServer> Replica(string? database = null)
    {
        var server = await RunningServer.StartOnAsync(database ?? _database, _keyFile);
        lock (_servers) _servers.Add(server);
        return server;
    }

    private static Task<Unit> Get(RunningServer server, string id) =>
        server.Directory.GetUnitAsync(new GetUnitRequest { Id = id }).ResponseAsync;

    private static Task<Unit> Rename(RunningServer server, string id, long version, string name) =>
        server.Admin.UpdateUnitAsync(new UpdateUnitRequest
        {
            Id = id, ExpectedVersion = version, Unit = new UnitInput { Name = new LocalizedText { En = name } },
            UpdateMask = new FieldMask { Paths = { "name.en" } }, Write = Api.Because("TICKET-18 replicas"),
        }, RunningServer.Bearer(server.Token("erin.editor", Roles.Editor))).ResponseAsync;

    private static Task<Unit> Create(RunningServer server, string id, string name, string parent, string? acronym = null) =>
        server.Admin.CreateUnitAsync(new CreateUnitRequest
        {
            Id = id, Unit = new UnitInput { Kind = UnitKind.Unit, Name = new LocalizedText { En = name }, ParentUnitId = parent, Acronym = acronym ?? "" },
            Write = Api.Because("TICKET-18 replicas"),
        }, RunningServer.Bearer(server.Token("erin.editor", Roles.Editor))).ResponseAsync;

    /// <summary>Polls a replica until <paramref name="read"/> holds (a replica follows within a second; the bound here is generous).</summary>
    private static Task Eventually(Func<Task<bool>> read, string what) =>
        Support.Eventually.HoldsAsync(read, what, TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(10));

    [Test]
    public async Task WriteOnOneReplica_IsSeenByReadsSearchAndRoutingOnTheOther()
    {
        var a = await Replica();
        var b = await Replica();
        var before = await Get(b, "pcca");

        var written = await Rename(a, "pcca", before.Version, "Preparedness and Zephyrine Climate Division");
        await Eventually(async () => (await Get(b, "pcca")).Names.En == written.Names.En, "the new name on replica B");

        Assert.That((await Get(b, "pcca")).Version, Is.EqualTo(written.Version));
        var hits = await b.Directory.SearchDirectoryAsync(new SearchDirectoryRequest { Query = "zephyrine" });
        Assert.That(hits.Hits.Select(h => h.Id), Does.Contain("pcca"), "search on B");
        await Create(b, "zephyr-desk", "Zephyrine anticipatory desk", "pcca");
        await Eventually(async () => (await a.Directory.SearchDirectoryAsync(
            new SearchDirectoryRequest { Query = "zephyrine anticipatory" })).Hits.Any(h => h.Id == "zephyr-desk"), "a unit created on B, found by search on A");
        // Routing on B follows a mailbox handed over on A: "cash vouchers" goes to the department above the CBI Unit.
        Assert.That((await Ask(b, "cash vouchers")).Email, Is.EqualTo("cbisupport@iom.int"));
        var mailbox = (await a.Directory.ListMailboxesAsync(new ListMailboxesRequest { UnitId = "cbi-unit" })).Mailboxes.Single();
        await a.Admin.UpdateMailboxAsync(new UpdateMailboxRequest
        {
            Id = mailbox.Id, ExpectedVersion = mailbox.Version, Mailbox = new MailboxInput { OwnerUnitId = "hod" },
            UpdateMask = new FieldMask { Paths = { "owner_unit_id" } }, Write = Api.Because("CBI mailbox handed to Humanitarian Operations"),
        }, RunningServer.Bearer(a.Token("erin.editor", Roles.Editor)));
        await Eventually(async () => (await Ask(b, "cash vouchers")).Email == "dhrr@iom.int", "routing on B after the mailbox moved on A");
    }

    private static async Task<ContactSuggestion> Ask(RunningServer server, string query) =>
        (await server.Routing.SuggestContactsAsync(new SuggestContactsRequest { Query = query })).Suggestions[0];

    [Test]
    public async Task SameVersionUpdatedOnTwoReplicasAtOnce_ExactlyOneWins_TheOtherIsAbortedWithTheCurrentVersion()
    {
        var a = await Replica();
        var b = await Replica();
        for (var round = 0; round < 8; round++)
        {
            var version = (await Get(a, "prd")).Version;
            await Eventually(async () => (await Get(b, "prd")).Version == version, "B at the same version");
            var outcomes = await Task.WhenAll(Attempt(a, $"A {round}"), Attempt(b, $"B {round}"));

            Assert.That(outcomes.Count(o => o.Code == StatusCode.OK), Is.EqualTo(1), $"round {round}: exactly one write wins");
            var lost = outcomes.Single(o => o.Code != StatusCode.OK);
            Assert.That(lost.Code, Is.EqualTo(StatusCode.Aborted), $"round {round}: {lost.Message}");
            Assert.That(lost.CurrentVersion, Is.EqualTo((version + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        async Task<(StatusCode Code, string Message, string? CurrentVersion)> Attempt(RunningServer server, string name)
        {
            try
            {
                await Rename(server, "prd", (await Get(server, "prd")).Version, name);
                return (StatusCode.OK, "", null);
            }
            catch (RpcException ex)
            {
                return (ex.StatusCode, ex.Status.Detail, ex.Trailers.GetValue("current-version"));
            }
        }
    }

    [Test]
    public async Task CrossRecordRules_HoldUnderConcurrentWritesOnDifferentReplicas()
    {
        var a = await Replica();
        var b = await Replica();

        // The same acronym for two new units, and the same address for two new mailboxes, at once on A and B.
        var acronyms = await Outcomes(() => Create(a, "twin-a", "Twin unit A", "pcca", "TWINZ"), () => Create(b, "twin-b", "Twin unit B", "pcca", "TWINZ"));
        var addresses = await Outcomes(
            () => a.Admin.CreateMailboxAsync(new CreateMailboxRequest
            {
                Id = "twin-mailbox-a", Mailbox = new MailboxInput { Address = "twinbox@iom.int", OwnerUnitId = "pcca" }, Write = Api.Because("t"),
            }, RunningServer.Bearer(a.Token("erin.editor", Roles.Editor))).ResponseAsync,
            () => b.Admin.CreateMailboxAsync(new CreateMailboxRequest
            {
                Id = "twin-mailbox-b", Mailbox = new MailboxInput { Address = "TWINBOX@iom.int", OwnerUnitId = "pcca" }, Write = Api.Because("t"),
            }, RunningServer.Bearer(b.Token("erin.editor", Roles.Editor))).ResponseAsync);
        // Two units moved under each other at once: one of the moves would close a cycle.
        await Create(a, "loop-x", "Loop unit X", "pcca");
        await Create(a, "loop-y", "Loop unit Y", "pcca");
        await Eventually(async () => (await b.Directory.ListUnitsAsync(new ListUnitsRequest { ParentId = "pcca", PageSize = 200 }))
            .Units.Count(u => u.Id is "loop-x" or "loop-y") == 2, "both units on B");
        var moves = await Outcomes(
            async () => await a.Admin.MoveUnitAsync(new MoveUnitRequest
            {
                Id = "loop-x", ExpectedVersion = (await Get(a, "loop-x")).Version, NewParentUnitId = "loop-y", Write = Api.Because("t"),
            }, RunningServer.Bearer(a.Token("erin.editor", Roles.Editor))),
            async () => await b.Admin.MoveUnitAsync(new MoveUnitRequest
            {
                Id = "loop-y", ExpectedVersion = (await Get(b, "loop-y")).Version, NewParentUnitId = "loop-x", Write = Api.Because("t"),
            }, RunningServer.Bearer(b.Token("erin.editor", Roles.Editor))));

        Assert.Multiple(() =>
        {
            Assert.That(acronyms.Count(c => c == StatusCode.OK), Is.EqualTo(1), $"one unit gets the acronym: {string.Join(", ", acronyms)}");
            Assert.That(acronyms, Does.Contain(StatusCode.InvalidArgument));
            Assert.That(addresses.Count(c => c == StatusCode.OK), Is.EqualTo(1), $"one mailbox gets the address: {string.Join(", ", addresses)}");
            Assert.That(addresses, Does.Contain(StatusCode.InvalidArgument));
            Assert.That(moves.Count(c => c == StatusCode.OK), Is.EqualTo(1), $"one move, and no cycle: {string.Join(", ", moves)}");
        });
        var x = await Get(a, "loop-x");
        var y = await Get(a, "loop-y");
        Assert.That(x.ParentUnitId == "loop-y" && y.ParentUnitId == "loop-x", Is.False, "no cycle was stored");
    }

    /// <summary>Starts both calls at once (each on its own replica) and returns their status codes.</summary>
    private static async Task<StatusCode[]> Outcomes(params Func<Task>[] calls)
    {
        using var start = new Barrier(calls.Length);
        return await Task.WhenAll(calls.Select(call => Task.Run(async () =>
        {
            start.SignalAndWait();
            try
            {
                await call();
                return StatusCode.OK;
            }
            catch (RpcException ex)
            {
                return ex.StatusCode;
            }
        })));
    }

    [Test]
    public async Task WatchChanges_OnAnyReplica_DeliversEveryChangeOnceInOrder_AndResumesOnAnother()
    {
        var a = await Replica();
        var b = await Replica();
        var reader = b.Token("rita.reader", Roles.Reader);
        var seen = new List<long>();
        using (var firstConnection = new CancellationTokenSource())
        {
            var watching = Task.Run(async () =>
            {
                try
                {
                    await foreach (var change in Watch(b, 0, reader, firstConnection.Token))
                    {
                        lock (seen) seen.Add(change.Sequence);
                        if (seen.Count == 5) await firstConnection.CancelAsync();
                    }
                }
                catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled)
                {
                }
            });
            for (var i = 0; i < 10; i++)
                await Rename(a, "prd", (await Get(a, "prd")).Version, $"Renamed {i} on A");
            await watching;
        }
        var resumed = new List<long>();
        using (var second = new CancellationTokenSource(TimeSpan.FromSeconds(20)))
        {
            await foreach (var change in Watch(a, seen[^1], a.Token("rita.reader", Roles.Reader), second.Token))
            {
                resumed.Add(change.Sequence);
                if (resumed.Count + seen.Count == 10) break;
            }
        }
        var all = seen.Concat(resumed).ToList();
        Assert.That(all, Is.Unique.And.Ordered, "each change once, in sequence order");
        Assert.That(all, Has.Count.EqualTo(10));
    }

    private static IAsyncEnumerable<ChangeEvent> Watch(RunningServer server, long after, string token, CancellationToken cancellationToken) =>
        Api.Stream(() => server.Admin.WatchChanges(new WatchChangesRequest { AfterSequence = after }, RunningServer.Bearer(token).WithCancellationToken(cancellationToken)), cancellationToken);

    [Test]
    public async Task ThreeReplicasStartingAtOnceOnAnEmptyDatabase_SeedItOnce()
    {
        var server = await PostgresServer.Shared;
        var empty = server.ConnectionString(await server.CreateDatabaseAsync());

        var replicas = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => Replica(empty))));

        foreach (var replica in replicas)
            Assert.That((await Get(replica, "dhrr")).Acronym, Is.EqualTo("DHRR"));
        var database = new NpgsqlConnectionStringBuilder(empty).Database!;
        Assert.That(await server.ScalarAsync<long>(database, """SELECT count(*) FROM "Meta" WHERE "Key" = 'seeded_at'"""), Is.EqualTo(1));
        var seeded = await server.ScalarAsync<long>(database, """SELECT count(*) FROM "Units" """);
        var template = await server.ScalarAsync<long>(new NpgsqlConnectionStringBuilder(_database).Database!, """SELECT count(*) FROM "Units" """);
        Assert.That(seeded, Is.EqualTo(template), "every unit version once");
        Assert.That(await server.ScalarAsync<long>(database, """SELECT count(*) FROM "__EFMigrationsHistory" """), Is.GreaterThanOrEqualTo(2));
    }

    [Test]
    public async Task AuditTrail_IsAppendOnlyInPostgres()
    {
        var a = await Replica();
        await Rename(a, "prd", (await Get(a, "prd")).Version, "audited");
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        foreach (var sql in new[] { """UPDATE "AuditEvents" SET "Reason" = 'tampered'""", """DELETE FROM "AuditEvents" """, """TRUNCATE "AuditEvents" """ })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            Assert.That(async () => await command.ExecuteNonQueryAsync(), Throws.InstanceOf<PostgresException>().With.Message.Contains("append-only"), sql);
        }
        await using var count = new NpgsqlCommand("""SELECT "Reason" FROM "AuditEvents" """, connection);
        Assert.That(await count.ExecuteScalarAsync(), Is.EqualTo("TICKET-18 replicas"), "the event is unchanged");
    }
}
