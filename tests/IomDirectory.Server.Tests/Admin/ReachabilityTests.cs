using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using IomDirectory.Contracts.V1;
using IomDirectory.Server.Security;
using IomDirectory.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using FieldMask = Google.Protobuf.WellKnownTypes.FieldMask;

namespace IomDirectory.Server.Tests.Admin;

/// <summary>
/// Every answer reachable (#24): channels with their provenance, routes for records with no address, the gaps report,
/// and every admin write that sets them, through a real gRPC client (and the JSON routes) on each store.
/// </summary>
[TestFixture]
public sealed class ReachabilityTests
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

    private Task<SuggestContactsResponse> Ask(string query, string country = "") =>
        _server.Routing.SuggestContactsAsync(new SuggestContactsRequest { Query = query, AskerCountry = country }).ResponseAsync;

    private async Task<FocalPoint> FocalPoint(string id) =>
        (await _server.Directory.ListFocalPointsAsync(new ListFocalPointsRequest { PageSize = 500 }))
        .FocalPoints.Single(f => f.Id == id);

    private Task<ListReachabilityGapsResponse> Gaps(int max = 1000) =>
        _server.Admin.ListReachabilityGapsAsync(
            new ListReachabilityGapsRequest { MaxResults = max }, RunningServer.Bearer(_server.Token("rita.reader", Roles.Reader))).ResponseAsync;

    [Test]
    public async Task AnRtsWithoutAnAddress_IsRoutedThroughDhrr_WithTheSeedsReason()
    {
        var rts = await FocalPoint("rts-bangkok");
        Assert.Multiple(() =>
        {
            Assert.That(rts.Email, Is.Empty, "the sources give no RTS address");
            Assert.That(rts.Reachable, Is.True);
            Assert.That(rts.Route.Email, Is.EqualTo("dhrr@iom.int"));
            Assert.That(rts.Route.ViaId, Is.EqualTo("dhrr"));
            Assert.That(rts.Route.Reason, Does.Contain("close coordination with DHRR"));
            Assert.That(rts.Route.SourceDocument, Is.EqualTo("000_78fc46d8c5b0200a.txt"));
            Assert.That(rts.Route.Computed, Is.False);
        });

        var answer = await Ask("Support for camp coordination and camp management", "ML");
        var first = answer.Suggestions[0];
        Assert.Multiple(() =>
        {
            Assert.That(first.ContactKind, Is.EqualTo("focal_point"));
            Assert.That(first.Route.Email, Is.EqualTo("dhrr@iom.int"), "an integrator needs no second call");
            Assert.That(first.Reachable, Is.True);
            Assert.That(first.RecordId, Is.EqualTo("rts-dakar"));
        });
    }

    [Test]
    public async Task AUnitWithoutAMailbox_IsReachedThroughTheNearestUnitAboveWithOne()
    {
        var office = await _server.Directory.GetUnitAsync(new GetUnitRequest { Id = "dhrr-directors-office" });
        Assert.Multiple(() =>
        {
            Assert.That(office.Route.Email, Is.EqualTo("dhrr@iom.int"));
            Assert.That(office.Route.Computed, Is.True);
            Assert.That(office.Reachable, Is.True);
        });
        var executive = await _server.Directory.GetUnitAsync(new GetUnitRequest { Id = "executive-office" });
        Assert.That(executive.Reachable, Is.False, "no address, no route: a gap");
        Assert.That(executive.Route, Is.Null);
    }

    [Test]
    public async Task AnOfficeCreatedWithAPhoneAndAnAddress_ShowsThemWithTheAuditTrailAsSource_InGrpcAndJson_ThenRetires()
    {
        var created = await _server.Admin.CreateOfficeAsync(new CreateOfficeRequest
        {
            Id = "co-test-lisbon",
            Office = new OfficeInput
            {
                Type = OfficeType.CountryOffice, Name = new LocalizedText { En = "Test office in Lisbon" }, CountryCode = "PT",
                Channels = new ChannelsInput { Phones = { "+351 21 000 0000" }, PostalAddress = "Rua Exemplo 1\n1000-001 Lisboa", Website = "https://example.org/lisbon" },
            },
            Write = Api.Because("TICKET-REACH-1"),
        }, RunningServer.Bearer(_editor));
        Assert.That(created.Channels.Phones.Single().SourceDocument, Is.EqualTo("audit-trail"));

        using var http = new HttpClient { BaseAddress = _server.WebAddress };
        var json = await http.GetFromJsonAsync<JsonElement>("/v1/offices/co-test-lisbon");
        var channels = json.GetProperty("channels");
        Assert.Multiple(() =>
        {
            Assert.That(channels.GetProperty("phones")[0].GetProperty("value").GetString(), Is.EqualTo("+351 21 000 0000"));
            Assert.That(channels.GetProperty("postalAddress").GetProperty("value").GetString(), Does.StartWith("Rua Exemplo 1"));
            Assert.That(json.GetProperty("reachable").GetBoolean(), Is.True, "a phone is a channel");
        });

        var retired = await _server.Admin.RetireOfficeAsync(
            new RetireRequest { Id = "co-test-lisbon", ExpectedVersion = created.Version, Write = Api.Because("TICKET-REACH-1 undo") }, RunningServer.Bearer(_editor));
        Assert.That(retired.RetiredIds, Does.Contain("co-test-lisbon"));
    }

    [Test]
    public async Task BadChannelValues_AreInvalidArgument_NamingEachField()
    {
        var office = await _server.Directory.GetOfficeAsync(new GetOfficeRequest { Id = "ro-dakar" });
        var failure = await Api.Failure(() => _server.Admin.UpdateOfficeAsync(new UpdateOfficeRequest
        {
            Id = "ro-dakar", ExpectedVersion = office.Version,
            Office = new OfficeInput { Channels = new ChannelsInput { Emails = { "not-an-address" }, Phones = { "12345" }, Website = "http://example.org", RouteViaId = "nowhere" } },
            UpdateMask = new FieldMask { Paths = { "channels" } }, Write = Api.Because("TICKET-REACH-2"),
        }, RunningServer.Bearer(_editor)).ResponseAsync);
        Assert.That(failure.Code, Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(failure.Fields, Is.SupersetOf(new[]
        {
            "office.channels.emails[0]", "office.channels.phones[0]", "office.channels.website", "office.channels.route_reason", "office.channels.route_via_id",
        }));

        var tooMany = await Api.Failure(() => _server.Admin.UpdateOfficeAsync(new UpdateOfficeRequest
        {
            Id = "ro-dakar", ExpectedVersion = office.Version,
            Office = new OfficeInput { Channels = new ChannelsInput { Phones = { "+221 1 0000 001", "+221 1 0000 002", "+221 1 0000 003", "+221 1 0000 004", "+221 1 0000 005", "+221 1 0000 006" } } },
            UpdateMask = new FieldMask { Paths = { "channels.phones" } }, Write = Api.Because("TICKET-REACH-3"),
        }, RunningServer.Bearer(_editor)).ResponseAsync);
        Assert.That(tooMany.Fields, Is.EqualTo(new[] { "office.channels.phones" }));
    }

    [Test]
    public async Task AFocalPointsPerson_IsShownInTheAnswer_AndAnAddressReplacesTheRoute()
    {
        var created = await _server.Admin.CreateFocalPointAsync(new CreateFocalPointRequest
        {
            Id = "fp-test-cbi", FocalPoint = new FocalPointInput { RoleTitle = new LocalizedText { En = "CBI test focal point" }, OfficeId = "ro-dakar", UnitId = "cbi-unit" },
            Write = Api.Because("TICKET-REACH-4"),
        }, RunningServer.Bearer(_editor));
        Assert.That(created.Reachable, Is.False);

        var rts = await FocalPoint("rts-nairobi");
        var updated = await _server.Admin.UpdateFocalPointAsync(new UpdateFocalPointRequest
        {
            Id = "rts-nairobi", ExpectedVersion = rts.Version,
            FocalPoint = new FocalPointInput { PersonName = "Test Person", PersonTitle = "Test Title", Channels = new ChannelsInput { Emails = { "rts.nairobi.test@example.org" } } },
            UpdateMask = new FieldMask { Paths = { "person_name", "person_title", "channels.emails" } }, Write = Api.Because("TICKET-REACH-5"),
        }, RunningServer.Bearer(_editor));
        Assert.That(updated.Route, Is.Null, "an address of its own: no route");

        var first = (await Ask("Support for camp coordination and camp management", "KE")).Suggestions[0];
        Assert.Multiple(() =>
        {
            Assert.That(first.PersonName, Is.EqualTo("Test Person"));
            Assert.That(first.PersonTitle, Is.EqualTo("Test Title"));
            Assert.That(first.Email, Is.EqualTo("rts.nairobi.test@example.org"));
            Assert.That(first.Route, Is.Null);
        });
    }

    [Test]
    public async Task TheGapsReport_ListsTheMostAskedFirst_AndShrinksWhenAGapIsFilled_ThroughAnOfficeMailbox()
    {
        Assert.That((await Api.Failure(() => _server.Admin.ListReachabilityGapsAsync(new ListReachabilityGapsRequest()).ResponseAsync)).Code, Is.EqualTo(StatusCode.Unauthenticated));

        for (var i = 0; i < 3; i++) await Ask("xyzzy plugh frobnicate");   // off-topic: the general fallback first
        var before = await Gaps();
        var top = before.Gaps[0];
        Assert.That(top.RecentFirstCount, Is.GreaterThanOrEqualTo(3));
        Assert.That(before.Gaps.Select(g => g.Id), Does.Contain("ro-dakar").And.Contain("executive-office").And.Not.Contain("rts-dakar"));

        await _server.Admin.CreateMailboxAsync(new CreateMailboxRequest
        {
            Id = "mb-test-ro-dakar", Mailbox = new MailboxInput { Address = "ro-dakar.test@example.org", OwnerOfficeId = "ro-dakar" }, Write = Api.Because("TICKET-REACH-6"),
        }, RunningServer.Bearer(_editor));
        var office = await _server.Directory.GetOfficeAsync(new GetOfficeRequest { Id = "ro-dakar" });
        Assert.That(office.Reachable, Is.True, "a mailbox may belong to an office");
        var after = await Gaps();
        Assert.That(after.Total, Is.EqualTo(before.Total - 1));
        Assert.That(after.Gaps.Select(g => g.Id), Does.Not.Contain("ro-dakar"));

        var bad = await Api.Failure(() => _server.Admin.ListReachabilityGapsAsync(
            new ListReachabilityGapsRequest { MaxResults = 5000 }, RunningServer.Bearer(_server.Token("rita.reader", Roles.Reader))).ResponseAsync);
        Assert.That(bad.Fields, Is.EqualTo(new[] { "max_results" }));
    }

    [Test]
    public async Task CountsOfFirstSuggestions_AreFlushedToTheDatabase_AndTheReportReadsThemBack()
    {
        await Ask("xyzzy plugh frobnicate");
        var flusher = _server.Services.GetRequiredService<IomDirectory.Server.Features.Admin.Gaps.FirstSuggestionFlusher>();
        Assert.That(await flusher.FlushAsync(CancellationToken.None), Is.True);
        var counter = _server.Services.GetRequiredService<IomDirectory.Server.Features.Admin.Gaps.FirstSuggestionCounter>();
        Assert.That(counter.Pending(), Is.Empty, "flushed");
        var report = await Gaps();
        Assert.That(report.Gaps[0].RecentFirstCount, Is.GreaterThan(0.9), "read back from the database");
    }

    /// <summary>The counts the gaps report orders by are kept when the server stops (flushed at shutdown) and read again after a restart.</summary>
    [Test]
    public async Task CountsOfFirstSuggestions_SurviveARestart()
    {
        // A store of this test's own, which outlives the first server.
        using var folder = new TempFolder();
        var database = TestStores.UsePostgres ? await TestStores.SeededPostgresAsync() : folder.File("restart.db");
        await using (var first = await RunningServer.StartOnAsync(database))
        {
            for (var i = 0; i < 3; i++)
                await first.Routing.SuggestContactsAsync(new SuggestContactsRequest { Query = "xyzzy plugh frobnicate" });
        }   // stopping flushes what the periodic flush has not written yet
        await using var second = await RunningServer.StartOnAsync(database);
        Assert.That((await GapsOf(second)).Gaps[0].RecentFirstCount, Is.GreaterThan(2.9), "the three answers' first suggestion, counted before the restart");
    }

    private static Task<ListReachabilityGapsResponse> GapsOf(RunningServer server) =>
        server.Admin.ListReachabilityGapsAsync(
            new ListReachabilityGapsRequest { MaxResults = 1000 }, RunningServer.Bearer(server.Token("rita.reader", Roles.Reader))).ResponseAsync;
}
