using FieldMask = Google.Protobuf.WellKnownTypes.FieldMask;
using IomDirectory.Contracts.V1;
using Grpc.Core;
using IomDirectory.Contracts.Transport;
using IomDirectory.Server.Security;
using IomDirectory.Server.Tests.Support;

namespace IomDirectory.Server.Tests.Admin;

/// <summary>The rules of writing: versions, validation, cycles, retirement, effective dating, freshness.</summary>
[TestFixture]
public sealed class AdminWriteTests
{
    private RunningServer _server = null!;
    private string _editor = "";

    [SetUp]
    public async Task Start()
    {
        _server = await RunningServer.StartAsync();
        _editor = _server.Token("erin.editor", Roles.Editor);
    }

    [TearDown]
    public async Task Stop() => await _server.DisposeAsync();

    private Task<Unit> Get(string id, string? asOf = null) =>
        _server.Directory.GetUnitAsync(asOf is null ? new GetUnitRequest { Id = id } : new GetUnitRequest { Id = id, AsOf = Api.Date(asOf) }).ResponseAsync;

    private Task<Unit> Rename(string id, long version, string name) =>
        _server.Admin.UpdateUnitAsync(new UpdateUnitRequest
        {
            Id = id, ExpectedVersion = version, Unit = new UnitInput { Name = new LocalizedText { En = name } },
            UpdateMask = new FieldMask { Paths = { "name.en" } }, Write = Api.Because("TICKET-1 rename"),
        }, RunningServer.Bearer(_editor)).ResponseAsync;

    [Test]
    public async Task Update_WithTheVersionRead_ChangesTheUnitAndBumpsTheVersion()
    {
        var before = await Get("pcca");
        var updated = await Rename("pcca", before.Version, "Preparedness and Climate Change Action Division (renamed)");
        var read = await Get("pcca");
        Assert.Multiple(() =>
        {
            Assert.That(updated.Version, Is.EqualTo(before.Version + 1));
            Assert.That(read.Names.En, Is.EqualTo("Preparedness and Climate Change Action Division (renamed)"));
            Assert.That(read.Names.Fr, Is.EqualTo(before.Names.Fr), "the mask changed only the English name");
            Assert.That(read.Provenance.SourceDocument, Is.EqualTo("audit-trail"));
        });
    }

    [Test]
    public async Task Update_OfOneLanguageOfTheName_KeepsTheOthersAndIsValid()
    {
        var before = await Get("pcca");
        await _server.Admin.UpdateUnitAsync(new UpdateUnitRequest
        {
            Id = "pcca", ExpectedVersion = before.Version, Unit = new UnitInput { Name = new LocalizedText { Es = "División de Acción Climática" } },
            UpdateMask = new FieldMask { Paths = { "name.es" } }, Write = Api.Because("TICKET-3"),
        }, RunningServer.Bearer(_editor));
        var after = await Get("pcca");
        Assert.That(after.Names.Es, Is.EqualTo("División de Acción Climática"));
        Assert.That(after.Names.En, Is.EqualTo(before.Names.En));
    }

    [Test]
    public async Task Update_ThatWouldLeaveNoEnglishOrFrenchName_IsInvalidArgument()
    {
        var before = await Get("pcca");
        var failure = await Api.Failure(() => _server.Admin.UpdateUnitAsync(new UpdateUnitRequest
        {
            Id = "pcca", ExpectedVersion = before.Version, Unit = new UnitInput { Name = new LocalizedText() },
            UpdateMask = new FieldMask { Paths = { "name.en", "name.fr" } }, Write = Api.Because("TICKET-4"),
        }, RunningServer.Bearer(_editor)).ResponseAsync);
        Assert.That(failure.Fields, Is.EqualTo(new[] { "unit.name" }));
    }

    [Test]
    public async Task Update_WithAStaleVersion_IsAbortedWithTheCurrentVersion()
    {
        var before = await Get("pcca");
        await Rename("pcca", before.Version, "first");
        try
        {
            await Rename("pcca", before.Version, "second");
            Assert.Fail("a stale version must be refused");
        }
        catch (RpcException ex)
        {
            Assert.That(ex.StatusCode, Is.EqualTo(StatusCode.Aborted));
            Assert.That(ex.Trailers.GetValue("current-version"), Is.EqualTo((before.Version + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        Assert.That((await Get("pcca")).Names.En, Is.EqualTo("first"));
    }

    [Test]
    public async Task ParallelUpdates_WithTheSameVersion_ExactlyOneWins()
    {
        var before = await Get("hod");
        var attempts = Enumerable.Range(0, 12).Select(async i =>
        {
            try
            {
                await Rename("hod", before.Version, $"writer {i}");
                return (i, StatusCode.OK);
            }
            catch (RpcException ex)
            {
                return (i, ex.StatusCode);
            }
        }).ToList();
        var results = await Task.WhenAll(attempts);
        var winners = results.Where(r => r.Item2 == StatusCode.OK).ToList();
        Assert.That(winners, Has.Count.EqualTo(1));
        Assert.That(results.Where(r => r.Item2 != StatusCode.OK).Select(r => r.Item2).Distinct(), Is.EqualTo(new[] { StatusCode.Aborted }));
        var after = await Get("hod");
        Assert.That(after.Names.En, Is.EqualTo($"writer {winners[0].i}"), "no lost update: the winner's write is what is read");
        Assert.That(after.Version, Is.EqualTo(before.Version + 1));
    }

    [Test]
    public async Task MoveUnit_UnderOwnDescendant_IsInvalidArgument()
    {
        var dhrr = await Get("dhrr");
        var failure = await Api.Failure(() => _server.Admin.MoveUnitAsync(new MoveUnitRequest
        {
            Id = "dhrr", ExpectedVersion = dhrr.Version, NewParentUnitId = "pcca", Write = Api.Because("cycle test"),
        }, RunningServer.Bearer(_editor)).ResponseAsync);
        Assert.That(failure.Code, Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(failure.Fields, Is.EqualTo(new[] { "new_parent_unit_id" }));
        Assert.That(failure.Message, Does.Contain("cycle"));
    }

    [Test]
    public async Task MoveUnit_ChangesThePathFromTheEffectiveDate()
    {
        var cbi = await Get("cbi-unit");
        await _server.Admin.MoveUnitAsync(new MoveUnitRequest
        {
            Id = "cbi-unit", ExpectedVersion = cbi.Version, NewParentUnitId = "hod", Write = Api.Because("REORG-7"),
        }, RunningServer.Bearer(_editor));
        Assert.That((await Get("cbi-unit")).ParentUnitId, Is.EqualTo("hod"));
        Assert.That((await Get("cbi-unit", "2025-01-01")).ParentUnitId, Is.EqualTo("dhrr"), "history is kept");
    }

    [Test]
    public async Task RetireUnit_WithActiveChildren_IsFailedPrecondition_UnlessTheRequestSaysWhatBecomesOfThem()
    {
        var hod = await Get("hod");
        var blocked = await Api.Failure(() => _server.Admin.RetireUnitAsync(
            new RetireUnitRequest { Id = "hod", ExpectedVersion = hod.Version, Write = Api.Because("REORG-8") }, RunningServer.Bearer(_editor)).ResponseAsync);
        Assert.That(blocked.Code, Is.EqualTo(StatusCode.FailedPrecondition));
        Assert.That(blocked.Message, Does.Contain("child units").And.Contain("humanitariancore@iom.int"));

        var retired = await _server.Admin.RetireUnitAsync(new RetireUnitRequest
        {
            Id = "hod", ExpectedVersion = hod.Version, MoveChildrenTo = "dhrr", MoveMailboxesTo = "dhrr", Write = Api.Because("REORG-8"),
        }, RunningServer.Bearer(_editor));
        Assert.That(retired.RetiredIds, Is.EqualTo(new[] { "hod" }));
        Assert.That(retired.MovedIds, Does.Contain("mb-humanitariancore"));
        Assert.That((await Api.Failure(() => Get("hod"))).Code, Is.EqualTo(StatusCode.NotFound));
        Assert.That((await Get("hod", "2025-01-01")).Id, Is.EqualTo("hod"), "retiring closes, it does not delete");
        var mailbox = await _server.Directory.ListMailboxesAsync(new ListMailboxesRequest { UnitId = "dhrr" });
        Assert.That(mailbox.Mailboxes.Select(m => m.Address), Does.Contain("humanitariancore@iom.int"));
    }

    [Test]
    public async Task ScheduledReorganization_IsVisibleOnlyFromItsDate()
    {
        var pcca = await Get("pcca");
        var future = DateTime.UtcNow.Date.AddYears(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await _server.Admin.UpdateUnitAsync(new UpdateUnitRequest
        {
            Id = "pcca", ExpectedVersion = pcca.Version, Unit = new UnitInput { Acronym = "PCCAD" },
            UpdateMask = new FieldMask { Paths = { "acronym" } }, Write = Api.Because("REORG-9 scheduled", future),
        }, RunningServer.Bearer(_editor));
        Assert.That((await Get("pcca")).Acronym, Is.EqualTo("PCCA"));
        Assert.That((await Get("pcca", future)).Acronym, Is.EqualTo("PCCAD"));
    }

    [Test]
    public async Task Create_WithSeveralBadFields_ReportsAllOfThemWithPaths()
    {
        var failure = await Api.Failure(() => _server.Admin.CreateUnitAsync(new CreateUnitRequest
        {
            Id = "Bad Id",
            Unit = new UnitInput { Kind = UnitKind.Unit, Acronym = "DHRR", Name = new LocalizedText { En = new string('x', 201) }, ParentUnitId = "nope" },
            Write = new WriteContext(),
        }, RunningServer.Bearer(_editor)).ResponseAsync);
        Assert.That(failure.Code, Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(failure.Fields, Is.SupersetOf(new[] { "id", "write.reason", "unit.acronym", "unit.name.en", "unit.parent_unit_id" }));
    }

    [Test]
    public async Task CreateMailbox_WithAnInvalidOrDuplicateAddress_IsInvalidArgument()
    {
        var invalid = await Api.Failure(() => _server.Admin.CreateMailboxAsync(new CreateMailboxRequest
        {
            Id = "mb-new", Mailbox = new MailboxInput { Address = "not an address", OwnerUnitId = "pcca" }, Write = Api.Because("t"),
        }, RunningServer.Bearer(_editor)).ResponseAsync);
        var duplicate = await Api.Failure(() => _server.Admin.CreateMailboxAsync(new CreateMailboxRequest
        {
            Id = "mb-new", Mailbox = new MailboxInput { Address = "PCCA@iom.int", OwnerUnitId = "pcca" }, Write = Api.Because("t"),
        }, RunningServer.Bearer(_editor)).ResponseAsync);
        Assert.That(invalid.Fields, Is.EqualTo(new[] { "mailbox.address" }));
        Assert.That(duplicate.Fields, Is.EqualTo(new[] { "mailbox.address" }));
        Assert.That(duplicate.Message, Does.Contain("already"));
    }

    [Test]
    public async Task CreatedUnit_IsFoundBySearchOnTheNextCall()
    {
        await _server.Admin.CreateUnitAsync(new CreateUnitRequest
        {
            Id = "anticipatory-finance-unit",
            Unit = new UnitInput { Kind = UnitKind.Unit, Name = new LocalizedText { En = "Anticipatory Finance Unit" }, ParentUnitId = "pcca" },
            Write = Api.Because("TICKET-2"),
        }, RunningServer.Bearer(_editor));
        var hits = await _server.Directory.SearchDirectoryAsync(new SearchDirectoryRequest { Query = "anticipatory finance" });
        Assert.That(hits.Hits.First().Id, Is.EqualTo("anticipatory-finance-unit"));
    }

    [Test]
    public async Task EveryWrite_IsAuditedWithActorReasonBeforeAndAfter()
    {
        var before = await Get("prd");
        await Rename("prd", before.Version, "Peace and Recovery Division (audited)");
        var audit = await _server.Admin.ListAuditEventsAsync(
            new ListAuditEventsRequest { EntityId = "prd" }, RunningServer.Bearer(_server.Token("ann.admin", Roles.Admin)));
        var e = audit.Events.Single();
        Assert.Multiple(() =>
        {
            Assert.That(e.Actor, Is.EqualTo("erin.editor"));
            Assert.That(e.ActorRole, Is.EqualTo(Roles.Editor));
            Assert.That(e.Operation, Is.EqualTo("unit.update"));
            Assert.That(e.Reason, Is.EqualTo("TICKET-1 rename"));
            Assert.That(e.BeforeJson, Does.Contain("Peace and Recovery Division\""));
            Assert.That(e.AfterJson, Does.Contain("(audited)"));
        });
    }

    [Test, Category(TestStores.SqliteFileCategory)]
    public async Task AuditTrail_IsAppendOnlyInTheDatabase()
    {
        var before = await Get("prd");
        await Rename("prd", before.Version, "x");
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_server.DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE AuditEvents SET Reason = 'tampered'";
        Assert.That(() => command.ExecuteNonQuery(), Throws.InstanceOf<Microsoft.Data.Sqlite.SqliteException>().With.Message.Contains("append-only"));
        command.CommandText = "DELETE FROM AuditEvents";
        Assert.That(() => command.ExecuteNonQuery(), Throws.InstanceOf<Microsoft.Data.Sqlite.SqliteException>().With.Message.Contains("append-only"));
    }

    [TestCase("INSERT OR REPLACE")]
    [TestCase("REPLACE")]
    [Category(TestStores.SqliteFileCategory)]
    public async Task AuditTrail_CannotBeRewrittenByReplacingAnEvent(string verb)
    {
        var before = await Get("prd");
        var renamed = await Rename("prd", before.Version, "x");
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_server.DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT max(Sequence) FROM AuditEvents";
        var sequence = (long)command.ExecuteScalar()!;
        command.CommandText = $"{verb} INTO AuditEvents (Sequence, At, Actor, ActorRole, Operation, EntityKind, EntityId, BeforeJson, AfterJson, Reason, EffectiveFrom) " +
                              "VALUES ($sequence, '2020-01-01 00:00:00', 'nobody', 'directory.admin', 'unit.update', 'unit', 'prd', '', '', 'tampered', '2020-01-01 00:00:00')";
        command.Parameters.AddWithValue("$sequence", sequence);

        Assert.That(() => command.ExecuteNonQuery(), Throws.InstanceOf<Microsoft.Data.Sqlite.SqliteException>().With.Message.Contains("append-only"));
        command.Parameters.Clear();
        command.CommandText = $"SELECT Actor || '|' || Reason FROM AuditEvents WHERE Sequence = {sequence}";
        Assert.That(command.ExecuteScalar(), Is.EqualTo("erin.editor|TICKET-1 rename"), "the event is unchanged");
        Assert.That(renamed.Names.En, Is.EqualTo("x"));
    }
}
