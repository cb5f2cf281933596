using IomDirectory.Contracts.V1;
using Grpc.Core;
using IomDirectory.Contracts.Transport;
using IomDirectory.Server.Features.Common;
using IomDirectory.Server.Tests.Support;

namespace IomDirectory.Server.Tests.DirectoryApi;

/// <summary>Every DirectoryService RPC through a real socket, the project's HTTP/2 gRPC client and a real SQLite file.</summary>
[TestFixture]
public sealed class DirectoryApiTests
{
    private RunningServer _server = null!;

    [OneTimeSetUp]
    public async Task Start() => _server = await RunningServer.StartAsync();

    [OneTimeTearDown]
    public async Task Stop() => await _server.DisposeAsync();

    [Test]
    public async Task GetOffice_ReturnsTheOfficeWithProvenanceInThePreferredLanguage()
    {
        var office = await _server.Directory.GetOfficeAsync(new GetOfficeRequest { Id = "ro-cairo", Language = "fr" });
        Assert.Multiple(() =>
        {
            Assert.That(office.Type, Is.EqualTo(OfficeType.RegionalOffice));
            Assert.That(office.City, Is.EqualTo("Le Caire"));
            Assert.That(office.Cities.En, Is.EqualTo("Cairo"));
            Assert.That(office.CountryCode, Is.EqualTo("EG"));
            Assert.That(office.CoveredCountries, Does.Contain("SD"));
            Assert.That(office.Provenance.SourceDocument, Does.EndWith(".txt"));
        });
    }

    [Test]
    public async Task GetOffice_AsOfBeforeTheRestructuring_FindsTheClosedRegionalOffice()
    {
        var office = await _server.Directory.GetOfficeAsync(new GetOfficeRequest { Id = "ro-buenos-aires", AsOf = Api.Date("2023-01-01") });
        Assert.That(office.Validity.ValidTo.ToDateTime(), Is.EqualTo(new DateTime(2024, 10, 1, 0, 0, 0, DateTimeKind.Utc)));

        var now = await Api.Failure(() => _server.Directory.GetOfficeAsync(new GetOfficeRequest { Id = "ro-buenos-aires" }).ResponseAsync);
        Assert.That(now.Code, Is.EqualTo(StatusCode.NotFound));
    }

    [Test]
    public async Task ListOffices_FiltersByTypeAndPages()
    {
        var first = await _server.Directory.ListOfficesAsync(new ListOfficesRequest { Type = OfficeType.Copa, PageSize = 4 });
        var second = await _server.Directory.ListOfficesAsync(new ListOfficesRequest { Type = OfficeType.Copa, PageSize = 4, PageToken = first.NextPageToken });
        Assert.Multiple(() =>
        {
            Assert.That(first.TotalSize, Is.EqualTo(7));
            Assert.That(first.Offices, Has.Count.EqualTo(4));
            Assert.That(second.Offices, Has.Count.EqualTo(3));
            Assert.That(second.NextPageToken, Is.Empty);
            Assert.That(first.Offices.Concat(second.Offices).Select(o => o.Id).Distinct().Count(), Is.EqualTo(7));
        });
    }

    [Test]
    public async Task ListOffices_ByRegionAndCountry()
    {
        var inRegion = await _server.Directory.ListOfficesAsync(new ListOfficesRequest { Region = "ro-vienna", PageSize = 100 });
        var inJapan = await _server.Directory.ListOfficesAsync(new ListOfficesRequest { Country = "Japon" });
        Assert.That(inRegion.Offices.Select(o => o.Id), Does.Contain("sro-brussels").And.Contain("co-berlin"));
        Assert.That(inJapan.Offices.Select(o => o.Id), Is.EqualTo(new[] { "co-tokyo" }));
    }

    [Test]
    public async Task GetUnit_ReturnsNamesAcronymResponsibilitiesAndChildCount()
    {
        var unit = await _server.Directory.GetUnitAsync(new GetUnitRequest { Id = "dhrr" });
        Assert.Multiple(() =>
        {
            Assert.That(unit.Acronym, Is.EqualTo("DHRR"));
            Assert.That(unit.Kind, Is.EqualTo(UnitKind.Department));
            Assert.That(unit.ChildCount, Is.EqualTo(5));
            Assert.That(unit.Responsibilities, Is.Not.Empty);
            Assert.That(unit.Provenance.SourceDate, Is.EqualTo("2024-10-01"));
        });
    }

    [Test]
    public async Task ListUnits_ByParent_ListsDirectChildren()
    {
        var children = await _server.Directory.ListUnitsAsync(new ListUnitsRequest { ParentId = "dhrr" });
        Assert.That(children.Units.Select(u => u.Id), Does.Contain("pcca").And.Contain("hod").And.Contain("prd").And.Contain("cbi-unit"));
    }

    [Test]
    public async Task ListUnits_ByKind()
    {
        var departments = await _server.Directory.ListUnitsAsync(new ListUnitsRequest { Kind = UnitKind.Department, PageSize = 500 });
        Assert.That(departments.Units.All(u => u.Kind == UnitKind.Department), Is.True);
        Assert.That(departments.Units.Select(u => u.Id), Does.Contain("dhrr").And.Not.Contain("doe"));
    }

    [Test]
    public async Task GetUnitPath_GoesFromTheRootToTheUnit_AndFollowsHistory()
    {
        var now = await _server.Directory.GetUnitPathAsync(new GetUnitPathRequest { Id = "cbi-unit" });
        var before = await _server.Directory.GetUnitPathAsync(new GetUnitPathRequest { Id = "cbi-unit", AsOf = Api.Date("2023-01-01") });
        Assert.That(now.Path.Select(u => u.Id).TakeLast(2), Is.EqualTo(new[] { "dhrr", "cbi-unit" }));
        Assert.That(before.Path.Select(u => u.Id).TakeLast(2), Is.EqualTo(new[] { "ddg-operations", "cbi-unit" }));
        Assert.That(now.Path[0].ParentUnitId, Is.Empty, "the path starts at a root");
    }

    [Test]
    public async Task GetSubtree_StreamsParentsBeforeChildren()
    {
        var nodes = new List<SubtreeNode>();
        await foreach (var node in Api.Stream(() => _server.Directory.GetSubtree(new GetSubtreeRequest { Id = "dhrr" })))
            nodes.Add(node);
        Assert.That(nodes[0].Unit.Id, Is.EqualTo("dhrr"));
        Assert.That(nodes[0].Depth, Is.EqualTo(0));
        var seen = new HashSet<string>();
        foreach (var node in nodes)
        {
            if (node.Depth > 0) Assert.That(seen, Does.Contain(node.Unit.ParentUnitId), node.Unit.Id);
            seen.Add(node.Unit.Id);
        }
        Assert.That(nodes.Select(n => n.Unit.Id), Does.Contain("dhrr-humanitarian-policy"));
    }

    [Test]
    public async Task GetSubtree_WithMaxDepth_StopsThere()
    {
        var nodes = new List<SubtreeNode>();
        await foreach (var node in Api.Stream(() => _server.Directory.GetSubtree(new GetSubtreeRequest { Id = "dhrr", MaxDepth = 1 })))
            nodes.Add(node);
        Assert.That(nodes.Max(n => n.Depth), Is.EqualTo(1));
        Assert.That(nodes, Has.Count.EqualTo(6));
    }

    [Test]
    public async Task ListMailboxes_ReturnsTheFiveWithTheirOwners()
    {
        var all = await _server.Directory.ListMailboxesAsync(new ListMailboxesRequest());
        var cbi = await _server.Directory.ListMailboxesAsync(new ListMailboxesRequest { UnitId = "cbi-unit" });
        Assert.That(all.Mailboxes, Has.Count.EqualTo(5));
        Assert.That(cbi.Mailboxes.Single().Address, Is.EqualTo("cbisupport@iom.int"));
        Assert.That(cbi.Mailboxes.Single().OwnerUnitName, Does.Contain("Cash-Based Interventions"));
    }

    [Test]
    public async Task ListFocalPoints_ByOffice_FindsTheRts()
    {
        var all = await _server.Directory.ListFocalPointsAsync(new ListFocalPointsRequest());
        var nairobi = await _server.Directory.ListFocalPointsAsync(new ListFocalPointsRequest { OfficeId = "ro-nairobi", Language = "es" });
        Assert.That(all.FocalPoints, Has.Count.EqualTo(6));
        Assert.That(nairobi.FocalPoints.Single().OfficeCity, Is.EqualTo("Nairobi"));
        Assert.That(nairobi.FocalPoints.Single().RoleTitle, Does.Contain("RTS"));
    }

    [Test]
    public async Task ListCommittees_ReturnsTheThreeCommittees()
    {
        var committees = await _server.Directory.ListCommitteesAsync(new ListCommitteesRequest());
        Assert.That(committees.Committees, Has.Count.EqualTo(3));
        Assert.That(committees.Committees.All(c => c.Composition.Length > 0 || c.Description.Length > 0), Is.True);
    }

    [TestCase("SD", "Cairo")]
    [TestCase("Soudan", "Cairo")]
    [TestCase("sudan", "Cairo")]
    [TestCase("Sudán", "Cairo")]
    [TestCase("Sudan", "Cairo")]
    [TestCase("Cote d'Ivoire", "Dakar")]
    [TestCase("argentina", "Panama City")]
    public async Task ResolveCountry_ByCodeOrNameInAnyLanguage_FindsTheRegionalOfficeAndItsRts(string country, string city)
    {
        var answer = await _server.Directory.ResolveCountryAsync(new ResolveCountryRequest { Country = country });
        Assert.That(answer.RegionalOffice.Cities.En, Is.EqualTo(city));
        Assert.That(answer.FocalPoints.Single().RoleTitle, Does.Contain("Regional Thematic Specialist"));
    }

    [Test]
    public async Task ResolveCountry_AsOf2023_UsesTheOldRegionalOffice()
    {
        var answer = await _server.Directory.ResolveCountryAsync(new ResolveCountryRequest { Country = "AR", AsOf = Api.Date("2023-01-01") });
        Assert.That(answer.RegionalOffice.Cities.En, Is.EqualTo("Buenos Aires"));
    }

    [Test]
    public async Task ResolveCountry_WithASubRegionalOffice_ReturnsBoth()
    {
        var answer = await _server.Directory.ResolveCountryAsync(new ResolveCountryRequest { Country = "Afrique du Sud" });
        Assert.That(answer.RegionalOffice.Id, Is.EqualTo("ro-nairobi"));
        Assert.That(answer.SubRegionalOffice.Id, Is.EqualTo("sro-pretoria"));
    }

    [Test]
    public async Task ResolveCountry_WhereTheDirectoryHasACountryOffice_ReturnsIt()
    {
        var answer = await _server.Directory.ResolveCountryAsync(new ResolveCountryRequest { Country = "IT" });
        Assert.That(answer.CountryOffice.Id, Is.EqualTo("co-rome"));
    }

    [TestCase("trésorerie")]
    [TestCase("TRESORERIE")]
    [TestCase("treasury")]
    public async Task SearchDirectory_IsCaseAndAccentInsensitive(string text)
    {
        var result = await _server.Directory.SearchDirectoryAsync(new SearchDirectoryRequest { Query = text });
        Assert.That(result.Hits.First().Unit?.Names.Fr ?? "", Does.Contain("trésorerie"));
    }

    [TestCase("Astana")]
    [TestCase("astaná")]
    [TestCase("Nur-Sultan")]
    public async Task SearchDirectory_FindsAnOfficeByTheAliasStaffUse_AsByItsName(string text)
    {
        var result = await _server.Directory.SearchDirectoryAsync(
            new SearchDirectoryRequest { Query = text, Kinds = { "office" } });
        Assert.That(result.Hits.Select(h => h.Id), Does.Contain("co-nur-sultan"));
        var office = await _server.Directory.GetOfficeAsync(new GetOfficeRequest { Id = "co-nur-sultan" });
        Assert.That(office.Aliases, Is.EqualTo(new[] { "Astana" }));
        Assert.That(office.City, Is.EqualTo("Nur-Sultan"), "the alias adds a name; the sources' name stays");
    }

    [Test]
    public async Task SearchDirectory_FindsByAcronym_AndFiltersByKind()
    {
        var dtm = await _server.Directory.SearchDirectoryAsync(new SearchDirectoryRequest { Query = "DTM" });
        var mailboxes = await _server.Directory.SearchDirectoryAsync(new SearchDirectoryRequest { Query = "cash", Kinds = { "mailbox" } });
        Assert.That(dtm.Hits.First().Unit.Acronym, Is.EqualTo("DTM"));
        Assert.That(mailboxes.Hits.Select(h => h.Kind).Distinct(), Is.EqualTo(new[] { "mailbox" }));
        Assert.That(mailboxes.Hits.First().Mailbox.Address, Is.EqualTo("cbisupport@iom.int"));
    }

    [TestCase("SMAPS", "mhpss-unit")]
    [TestCase("SMSPS", "mhpss-unit")]
    [TestCase("S&S", "hod-shelter-settlements")]
    [TestCase("EAH", "hod-wash")]
    public async Task SearchDirectory_ReadsAnAcronymOfTheGlossaryAsItsExpansion(string text, string unitId)
    {
        var result = await _server.Directory.SearchDirectoryAsync(new SearchDirectoryRequest { Query = text, Kinds = { "unit" } });
        Assert.That(result.Hits.Take(3).Select(h => h.Id), Does.Contain(unitId));
    }

    [Test]
    public async Task SearchDirectory_Pages()
    {
        var first = await _server.Directory.SearchDirectoryAsync(new SearchDirectoryRequest { Query = "division", PageSize = 3 });
        var second = await _server.Directory.SearchDirectoryAsync(new SearchDirectoryRequest { Query = "division", PageSize = 3, PageToken = first.NextPageToken });
        Assert.That(first.TotalSize, Is.GreaterThan(6));
        Assert.That(second.Hits.Select(h => h.Id), Is.Not.EquivalentTo(first.Hits.Select(h => h.Id)));
    }

    [Test]
    public async Task SearchDirectory_PageTokenFarPastTheEnd_IsAnEmptyLastPageWithTheTotal()
    {
        var first = await _server.Directory.SearchDirectoryAsync(new SearchDirectoryRequest { Query = "division" });
        var farAway = await _server.Directory.SearchDirectoryAsync(
            new SearchDirectoryRequest { Query = "division", PageSize = 100, PageToken = PageRequest.Encode(int.MaxValue - 10) });
        Assert.Multiple(() =>
        {
            Assert.That(farAway.Hits, Is.Empty);
            Assert.That(farAway.NextPageToken, Is.Empty);
            Assert.That(farAway.TotalSize, Is.EqualTo(first.TotalSize));
        });
    }

    [Test]
    public async Task RequestId_IsEchoedInResponseHeaders()
    {
        using var call = _server.Directory.GetUnitAsync(new GetUnitRequest { Id = "pcca" },
            new CallOptions(headers: new Metadata { { "x-request-id", "ticket-42" } }));
        await call;
        Assert.That((await call.ResponseHeadersAsync).GetValue("x-request-id"), Is.EqualTo("ticket-42"));
    }
}
