using System.Net;
using System.Text.Json;
using FieldMask = Google.Protobuf.WellKnownTypes.FieldMask;
using Grpc.Core;
using IomDirectory.Contracts.V1;
using IomDirectory.Server.Security;
using IomDirectory.Server.Tests.Cli;
using IomDirectory.Server.Tests.Support;

namespace IomDirectory.Server.Tests.Admin;

/// <summary>
/// Time as people mean it (#24): a date alone means the end of that day in UTC, today's date now, on the page, the
/// JSON routes and the CLI alike; before the earliest time a source describes, the directory says it has no record.
/// </summary>
[TestFixture]
public sealed class AsOfDateTests
{
    private RunningServer _server = null!;
    private HttpClient _web = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _server = await RunningServer.StartAsync();
        _web = new HttpClient { BaseAddress = _server.WebAddress };
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _web.Dispose();
        await _server.DisposeAsync();
    }

    [Test]
    public async Task TodaysDate_ShowsAnEditMadeToday_OnThePage_InJson_AndInTheCli()
    {
        var before = await _server.Directory.GetUnitAsync(new GetUnitRequest { Id = "pcca" });
        const string Renamed = "Preparedness and Response Division (renamed today)";
        await _server.Admin.UpdateUnitAsync(new UpdateUnitRequest
        {
            Id = "pcca", ExpectedVersion = before.Version, Unit = new UnitInput { Name = new LocalizedText { En = Renamed } },
            UpdateMask = new FieldMask { Paths = { "name.en" } }, Write = Api.Because("TICKET-24"),
        }, RunningServer.Bearer(_server.Token("erin.editor", Roles.Editor)));
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var yesterday = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var page = await _web.GetStringAsync($"/units/pcca?lang=en&asOf={today}");
        Assert.That(page, Does.Contain(Renamed), "the date picker's today is now, not this morning's midnight");

        using (var json = JsonDocument.Parse(await _web.GetStringAsync($"/v1/units/pcca?asOf={today}")))
            Assert.That(json.RootElement.GetProperty("names").GetProperty("en").GetString(), Is.EqualTo(Renamed), "asOf=YYYY-MM-DD on a JSON route");
        using (var json = JsonDocument.Parse(await _web.GetStringAsync($"/v1/units/pcca?asOf={yesterday}")))
            Assert.That(json.RootElement.GetProperty("names").GetProperty("en").GetString(), Is.EqualTo(before.Names.En), "yesterday, to its end, had the old name");

        var shown = await Iomdir.RunAsync("show", "pcca", "--as-of", today, "--json", "--server", _server.Address.ToString());
        Assert.That(shown.Ok().Stdout, Does.Contain(Renamed));
    }

    [Test]
    public async Task ADateBeforeTheOldestSource_IsRefused_SayingThereIsNoRecord()
    {
        var (code, message, fields) = await Api.Failure(() => _server.Directory.GetUnitAsync(
            new GetUnitRequest { Id = "pcca", AsOf = Api.Date("1999-01-01") }).ResponseAsync);
        Assert.That(code, Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(fields, Is.EqualTo(new[] { "as_of" }));
        Assert.That(message, Does.Contain("no record of the organization before 2021-01-01"));

        var routed = await Api.Failure(() => _server.Routing.SuggestContactsAsync(new SuggestContactsRequest { Query = "cash-based interventions", AsOf = Api.Date("1999-01-01") }).ResponseAsync);
        Assert.That(routed.Fields, Is.EqualTo(new[] { "as_of" }));

        using var browse = await _web.GetAsync("/browse?lang=en&asOf=1999-01-01");
        Assert.That(browse.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var html = await browse.Content.ReadAsStringAsync();
        Assert.That(html, Does.Contain("no record of the organization before 2021-01-01").And.Not.Contain("as it stood on"));

        using var json = await _web.GetAsync("/v1/units/pcca?asOf=1999-01-01");
        Assert.That(json.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));

        var cli = await Iomdir.RunAsync("tree", "--as-of", "1999-01-01", "--server", _server.Address.ToString());
        Assert.That(cli.Failed(4), Does.Contain("--as-of").And.Contain("no record"), "the CLI names its own flag");

        // The structure before the 2024 restructuring is still there for a date the sources describe.
        var then = await _server.Directory.ResolveCountryAsync(new ResolveCountryRequest { Country = "AR", AsOf = Api.Date("2023-06-01") });
        Assert.That(then.RegionalOffice.Id, Does.Contain("buenos-aires"));
    }
}
