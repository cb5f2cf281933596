using System.Text;
using System.Text.Json.Nodes;
using Google.Protobuf;
using IomDirectory.Contracts.V1;
using Grpc.Core;
using IomDirectory.Contracts.Transport;
using IomDirectory.Server.Security;
using IomDirectory.Server.Tests.Support;

namespace IomDirectory.Server.Tests.Admin;

/// <summary>ExportDirectory and ImportDirectory through the real server: the one-file document, diffing, dry runs, all-or-nothing.</summary>
[TestFixture]
public sealed class InterchangeTests
{
    private const string Source = "000_78fc46d8c5b0200a.txt";
    private RunningServer _server = null!;
    private string _admin = "";

    [SetUp]
    public async Task Start()
    {
        _server = await RunningServer.StartAsync();
        _admin = _server.Token("ann.admin", Roles.Admin);
    }

    [TearDown]
    public async Task Stop() => await _server.DisposeAsync();

    [Test]
    public async Task Export_AsOfNow_HoldsEveryRecordInForceOnceWithItsVersionAndSources()
    {
        var document = Json(await Export());
        var offices = Ids(document, "offices");
        Assert.Multiple(() =>
        {
            Assert.That((string?)document["format"], Is.EqualTo("iomdirectory/v1"));
            Assert.That(document["as_of"], Is.Null);
            Assert.That(offices, Does.Contain("ro-panama-city").And.Not.Contain("ro-buenos-aires"));
            Assert.That(offices, Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal), "records are ordered by id");
            Assert.That(Ids(document, "units"), Does.Contain("pcca"));
            Assert.That(Ids(document, "coverage"), Does.Contain("cov-af"));
            Assert.That(document.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "format", "as_of", "sources", "offices", "functions", "coverage", "units", "mailboxes", "focal_points", "committees" }));
        });
        var records = new[] { "offices", "functions", "coverage", "units", "mailboxes", "focal_points", "committees" }
            .SelectMany(a => document[a]!.AsArray()).Select(r => r!).ToList();
        var cited = records.Select(r => (string)r["versions"]![0]!["source"]!).ToHashSet();
        Assert.That(records.All(r => r["versions"]!.AsArray().Count == 1), "each record with its in-force version only");
        Assert.That(Ids(document, "sources"), Is.EquivalentTo(cited), "exactly the sources the versions cite");
    }

    [Test]
    public async Task Export_AsOf2023_HoldsTheOrgChartOfThen()
    {
        var document = Json(await Export("2023-01-01"));
        Assert.That((string?)document["as_of"], Is.EqualTo("2023-01-01"));
        Assert.That(Ids(document, "offices"), Does.Contain("ro-buenos-aires").And.Not.Contain("ro-panama-city"));
        var cbi = Record(document, "units", "cbi-unit");
        Assert.That((string?)cbi["parent"], Is.EqualTo("ddg-operations"));
        Assert.That((string?)cbi["versions"]![0]!["valid_to"], Is.EqualTo("2024-10-01"));
    }

    [Test]
    public async Task Export_IsStreamedInChunksOfAtMost64KiB()
    {
        var sizes = new List<int>();
        await foreach (var chunk in ExportChunks(null))
            sizes.Add(chunk.Data.Length);
        Assert.That(sizes, Has.Count.GreaterThan(1));
        Assert.That(sizes, Has.All.LessThanOrEqualTo(64 * 1024));
    }

    [Test]
    public async Task ExportedDocument_ImportedAsADryRun_HasNoChanges()
    {
        var exported = await Export();
        var result = await Import(exported, dryRun: true, reason: "");
        Assert.Multiple(() =>
        {
            Assert.That(result.Changes, Is.Empty);
            Assert.That(result.Applied, Is.False);
            Assert.That(result.Unchanged, Is.EqualTo(RecordCount(Json(exported))));
        });
    }

    [Test]
    public async Task ExportImportExport_IsByteIdentical()
    {
        var first = await Export();
        var result = await Import(first, dryRun: false, reason: "ROUNDTRIP-1");
        var second = await Export();
        Assert.That(result.Applied, Is.True);
        Assert.That(result.Changes, Is.Empty);
        Assert.That(second, Is.EqualTo(first));
        Assert.That(await AuditCount(), Is.Zero, "an import that changes nothing writes nothing");
    }

    [Test]
    public async Task HistoricalExport_Imported_ChangesNothing()
    {
        var result = await Import(await Export("2023-01-01"), dryRun: true, reason: "");
        Assert.That(result.Changes, Is.Empty, "a record the document holds only in the past is history, which an import does not rewrite");
    }

    [Test]
    public async Task DryRun_OfARenamedUnitAndANewMailbox_ReportsExactlyThoseAndChangesNothing()
    {
        var before = await GetUnit("pcca");
        var result = await Import(RenamedUnitAndNewMailbox(Json(await Export())), dryRun: true, reason: "");

        Assert.Multiple(async () =>
        {
            Assert.That(result.Applied, Is.False);
            Assert.That(result.Changes.Select(c => $"{c.Kind} {c.Id} {c.Change} [{string.Join(",", c.Fields)}]"),
                Is.EqualTo(new[] { "unit pcca update [name]", "mailbox mb-pcca-imports create []" }));
            Assert.That((await GetUnit("pcca")).Names.En, Is.EqualTo(before.Names.En));
            Assert.That((await GetUnit("pcca")).Version, Is.EqualTo(before.Version));
            Assert.That(await MailboxesOf("pcca"), Does.Not.Contain("pcca-imports@iom.int"));
            Assert.That(await AuditCount(), Is.Zero);
        });
    }

    [Test]
    public async Task DryRun_OfARenamedUnit_GivesTheNameNowAndInTheDocument_AndChangesNothing()
    {
        var before = await GetUnit("pcca");
        var result = await Import(RenamedUnitAndNewMailbox(Json(await Export())), dryRun: true, reason: "");

        var pcca = result.Changes.Single(c => c.Id == "pcca");
        var name = pcca.Values.Single();
        Assert.Multiple(async () =>
        {
            Assert.That(name.Field, Is.EqualTo("name"));
            Assert.That(Json(name.OldValue)["en"]!.GetValue<string>(), Is.EqualTo(before.Names.En));
            Assert.That(Json(name.NewValue)["en"]!.GetValue<string>(), Is.EqualTo("Preparedness and Climate Change Action Division (imported)"));
            Assert.That(Json(name.NewValue)["fr"]!.GetValue<string>(), Is.EqualTo(before.Names.Fr), "the whole attribute, as the data/ format writes it");
            Assert.That(result.Changes.Single(c => c.Id == "mb-pcca-imports").Values, Is.Empty, "a create lists no values");
            Assert.That(result.ChangesWithoutValues, Is.Zero);
            Assert.That((await GetUnit("pcca")).Version, Is.EqualTo(before.Version));
            Assert.That(await AuditCount(), Is.Zero);
        });
    }

    [Test]
    public async Task DryRun_OfAVeryLongDescription_CutsTheValueAndSaysHowLongItWas()
    {
        var document = Json(await Export());
        var description = string.Concat(Enumerable.Repeat("A description long enough to be cut in the answer. ", 150)).Trim();
        Record(document, "units", "pcca")["description"] = new JsonObject { ["en"] = description };
        var result = await Import(Encoding.UTF8.GetBytes(document.ToJsonString()), dryRun: true, reason: "");

        var value = result.Changes.Single(c => c.Id == "pcca").Values.Single(v => v.Field == "description");
        var whole = new JsonObject { ["en"] = description }.ToJsonString().Length;
        Assert.That(value.NewValue, Has.Length.LessThan(1100).And.EndsWith($"… [{whole} characters in all]"));
    }

    [Test]
    public async Task Apply_OfARenamedUnitAndANewMailbox_ChangesThemAuditsThemAndStreamsThem()
    {
        var before = await GetUnit("pcca");
        var result = await Import(RenamedUnitAndNewMailbox(Json(await Export())), dryRun: false, reason: "IMPORT-7 yearly review");

        var after = await GetUnit("pcca");
        var audit = await _server.Admin.ListAuditEventsAsync(new ListAuditEventsRequest(), RunningServer.Bearer(_admin));
        var watched = new List<ChangeEvent>();
        using (var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
            await foreach (var e in Api.Stream(() => _server.Admin.WatchChanges(new WatchChangesRequest(), RunningServer.Bearer(_admin).WithCancellationToken(cancel.Token)), cancel.Token))
            {
                watched.Add(e);
                if (watched.Count == 2) break;
            }

        Assert.Multiple(async () =>
        {
            Assert.That(result.Applied, Is.True);
            Assert.That(result.Changes, Has.Count.EqualTo(2));
            Assert.That(after.Names.En, Is.EqualTo("Preparedness and Climate Change Action Division (imported)"));
            Assert.That(after.Names.Fr, Is.EqualTo(before.Names.Fr));
            Assert.That(after.Version, Is.EqualTo(before.Version + 1));
            Assert.That((await GetUnit("pcca", "2025-01-01")).Names.En, Is.EqualTo(before.Names.En), "the change is a new version; history is kept");
            Assert.That(await MailboxesOf("pcca"), Does.Contain("pcca-imports@iom.int"));
            Assert.That(audit.Events.Select(e => $"{e.Operation} {e.EntityKind} {e.EntityId} {e.Actor} {e.Reason}").Reverse(), Is.EqualTo(new[]
            {
                "import.update unit pcca ann.admin IMPORT-7 yearly review",
                "import.create mailbox mb-pcca-imports ann.admin IMPORT-7 yearly review",
            }));
            Assert.That(watched.Select(e => e.Event.EntityId), Is.EqualTo(new[] { "pcca", "mb-pcca-imports" }));
            Assert.That(result.Sequence, Is.EqualTo(watched[^1].Sequence));
        });
    }

    private static readonly object[] BadRecords =
    [
        new object[] { "unknown parent", """{"id":"import-bad","kind":"unit","name":{"en":"Bad"},"parent":"no-such-unit","versions":[{"source":"000_78fc46d8c5b0200a.txt"}]}""", "units[1].parent" },
        new object[] { "duplicate id", """{"id":"import-good-unit","kind":"unit","name":{"en":"Twin"},"parent":"pcca","versions":[{"source":"000_78fc46d8c5b0200a.txt"}]}""", "units[1].id" },
        new object[] { "id of a retired unit", """{"id":"doe","kind":"unit","name":{"en":"Reused"},"parent":"pcca","versions":[{"source":"000_78fc46d8c5b0200a.txt"}]}""", "units[1].id" },
        new object[] { "id of another kind", """{"id":"ro-buenos-aires","kind":"unit","name":{"en":"Reused"},"parent":"pcca","versions":[{"source":"000_78fc46d8c5b0200a.txt"}]}""", "units[1].id" },
        new object[] { "overlapping versions", """{"id":"import-bad","kind":"unit","name":{"en":"Bad"},"parent":"pcca","versions":[{"valid_to":"2025-06-01","source":"000_78fc46d8c5b0200a.txt"},{"valid_from":"2025-01-01","source":"000_78fc46d8c5b0200a.txt"}]}""", "units[1].versions" },
        new object[] { "unknown source", """{"id":"import-bad","kind":"unit","name":{"en":"Bad"},"parent":"pcca","versions":[{"source":"no-such-source.txt"}]}""", "units[1].versions" },
        new object[] { "bad kind", """{"id":"import-bad","kind":"squad","name":{"en":"Bad"},"parent":"pcca","versions":[{"source":"000_78fc46d8c5b0200a.txt"}]}""", "units[1].kind" },
    ];

    [TestCaseSource(nameof(BadRecords))]
    public async Task Import_WithOneBadRecordAmongGoodOnes_IsInvalidArgumentWithItsPathAndWritesNothing(string _, string badUnit, string path)
    {
        var document = Document(
            ("units", [Unit("import-good-unit", "Import Good Unit", "pcca"), JsonNode.Parse(badUnit)!]),
            ("mailboxes", [Mailbox("mb-import-good", "import-good@iom.int", "pcca")]));

        var failure = await Api.Failure(() => Import(document, dryRun: false, reason: "IMPORT-8"));

        Assert.That(failure.Code, Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(failure.Fields, Does.Contain(path), failure.Message);
        Assert.That((await Api.Failure(() => GetUnit("import-good-unit"))).Code, Is.EqualTo(StatusCode.NotFound), "the good records are not written either");
        Assert.That(await MailboxesOf("pcca"), Does.Not.Contain("import-good@iom.int"));
        Assert.That(await AuditCount(), Is.Zero);
    }

    [Test]
    public async Task Import_WithAnUnknownCountryCode_NamesTheOfficesCountry()
    {
        var office = JsonNode.Parse("""{"id":"co-nowhere","type":"country_office","name":{"en":"Nowhere"},"country":"QQ","versions":[{"source":"000_78fc46d8c5b0200a.txt"}]}""")!;
        var failure = await Api.Failure(() => Import(Document(("offices", [office])), dryRun: true, reason: ""));
        Assert.That(failure.Code, Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(failure.Fields, Is.EqualTo(new[] { "offices[0].country" }));
        Assert.That(failure.Message, Does.Contain("unknown country code 'QQ'").And.Contain("co-nowhere"));
    }

    [Test]
    public async Task Import_ThatClosesACycleThroughDirectoryUnits_IsInvalidArgumentOnItsParent()
    {
        var dhrr = Record(Json(await Export()), "units", "dhrr");
        dhrr["parent"] = "pcca";   // pcca, left out of the document, sits under dhrr in the directory
        var failure = await Api.Failure(() => Import(Document(("units", [dhrr.DeepClone()])), dryRun: true, reason: ""));
        Assert.That(failure.Code, Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(failure.Fields, Is.EqualTo(new[] { "units[0].parent" }), failure.Message);
        Assert.That(failure.Message, Does.Contain("cycle"));
    }

    [Test]
    public async Task Import_OfASecondCoverageForACountry_IsInvalidArgument()
    {
        var coverage = JsonNode.Parse("""{"id":"cov-af-again","country":"AF","versions":[{"source":"country-coverage.csv","regional_office":"ro-bangkok"}]}""")!;
        var failure = await Api.Failure(() => Import(Document(("coverage", [coverage])), dryRun: true, reason: ""));
        Assert.That(failure.Fields, Is.EqualTo(new[] { "coverage[0].country" }), failure.Message);
    }

    [Test]
    public async Task Import_ReferencingDirectoryRecords_ResolvesThem()
    {
        var result = await Import(Document(("mailboxes", [Mailbox("mb-import-only", "import-only@iom.int", "dhrr")])), dryRun: false, reason: "IMPORT-9");
        Assert.That(result.Changes.Select(c => c.Id), Is.EqualTo(new[] { "mb-import-only" }));
        Assert.That(await MailboxesOf("dhrr"), Does.Contain("import-only@iom.int"));
        Assert.That((await GetUnit("pcca")).Version, Is.EqualTo(1), "records the document leaves out are left alone");
    }

    [TestCase("{not json")]
    [TestCase("[1, 2]")]
    [TestCase("""{"format": "something/else"}""")]
    public async Task Import_OfAMalformedDocument_IsInvalidArgument(string content)
    {
        var failure = await Api.Failure(() => Import(Encoding.UTF8.GetBytes(content), dryRun: true, reason: ""));
        Assert.That(failure.Code, Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(failure.Fields, Is.EqualTo(new[] { content.StartsWith('{') && content.Contains("format") ? "format" : "content" }), failure.Message);
    }

    [Test]
    public async Task Import_AppliedWithoutAReason_IsInvalidArgumentOnReason()
    {
        var exported = await Export();
        var failure = await Api.Failure(() => Import(exported, dryRun: false, reason: " "));
        Assert.That(failure.Code, Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(failure.Fields, Is.EqualTo(new[] { "reason" }));
    }

    [TestCase(Roles.Reader)]
    [TestCase(Roles.Editor)]
    public async Task Import_ByAReaderOrEditor_IsPermissionDenied(string role)
    {
        var exported = await Export();
        var failure = await Api.Failure(() => Import(exported, dryRun: true, reason: "", _server.Token("rita", role)));
        Assert.That(failure.Code, Is.EqualTo(StatusCode.PermissionDenied));
    }

    [Test]
    public async Task ImportAndExport_WithoutAToken_AreUnauthenticated()
    {
        var import = await Api.Failure(() => _server.Admin.ImportDirectoryAsync(new ImportDirectoryRequest { Content = ByteString.CopyFromUtf8("{}"), DryRun = true }).ResponseAsync);
        var export = await Api.Failure(async () =>
        {
            await foreach (var _ in Api.Stream(() => _server.Admin.ExportDirectory(new ExportDirectoryRequest()))) { }
        });
        Assert.That(import.Code, Is.EqualTo(StatusCode.Unauthenticated));
        Assert.That(export.Code, Is.EqualTo(StatusCode.Unauthenticated));
    }

    [Test]
    public async Task Import_OfARecordWithBackDatedHistory_AuditsEveryVersionItCreates()
    {
        // A new unit whose document brings a version that ended years ago, citing an official source document.
        var unit = JsonNode.Parse($$"""
            {"id":"import-history","kind":"unit","name":{"en":"Imported Unit"},"parent":"pcca","versions":[
              {"valid_from":"2010-01-01","valid_to":"2015-01-01","source":"{{Source}}","name":{"en":"Back-dated Unit"} },
              {"valid_from":"2015-01-01","source":"{{Source}}"}]}
            """)!;
        await Import(Document(("units", [unit])), dryRun: false, reason: "IMPORT-8 history");

        var audit = await _server.Admin.ListAuditEventsAsync(
            new ListAuditEventsRequest { EntityId = "import-history" }, RunningServer.Bearer(_admin));
        Assert.That(audit.Events, Has.Count.EqualTo(2), "one event per version created");
        Assert.That(audit.Events.Select(e => e.AfterJson), Has.One.Contains("Back-dated Unit").And.Contains("2010-01-01"));
        Assert.That(audit.Events.Select(e => (e.Actor, e.Reason)).Distinct(), Is.EqualTo(new[] { ("ann.admin", "IMPORT-8 history") }));
        Assert.That((await GetUnit("import-history", "2012-06-01")).Names.En, Is.EqualTo("Back-dated Unit"));
    }

    private static IEnumerable<TestCaseData> OverLimit()
    {
        yield return new TestCaseData("units", $$"""{"id":"import-long","kind":"unit","name":{"en":"{{new string('x', 201)}}"},"parent":"pcca","versions":[{"source":"{{Source}}"}]}""", "units[0].name").SetArgDisplayNames("units[0].name");
        yield return new TestCaseData("units", $$"""{"id":"import-long","kind":"unit","acronym":"ABCDEFGHIJKLMNOPQRSTUVWXYZ","name":{"en":"A"},"parent":"pcca","versions":[{"source":"{{Source}}"}]}""", "units[0].acronym").SetArgDisplayNames("units[0].acronym");
        yield return new TestCaseData("units", $$"""{"id":"import-long","kind":"unit","name":{"en":"A"},"description":{"en":"{{new string('d', 10_001)}}"},"parent":"pcca","versions":[{"source":"{{Source}}"}]}""", "units[0].description").SetArgDisplayNames("units[0].description");
        yield return new TestCaseData("mailboxes", $$"""{"id":"mb-import-bad","address":"not an address","owner":"pcca","versions":[{"source":"{{Source}}"}]}""", "mailboxes[0].address").SetArgDisplayNames("mailboxes[0].address");
        yield return new TestCaseData("mailboxes", $$"""{"id":"mb-import-bad","address":"ok@iom.int","owner":"pcca","purpose":{"en":"{{new string('p', 1001)}}"},"versions":[{"source":"{{Source}}"}]}""", "mailboxes[0].purpose").SetArgDisplayNames("mailboxes[0].purpose");
    }

    [TestCaseSource(nameof(OverLimit))]
    public async Task Import_OverAWriteValidatorsFieldLimit_IsInvalidArgumentOnTheField(string area, string record, string field)
    {
        var failure = await Api.Failure(() => Import(Document((area, [JsonNode.Parse(record)!])), dryRun: true, reason: ""));
        Assert.That(failure.Code, Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(failure.Fields, Is.EqualTo(new[] { field }), failure.Message);
    }

    private IAsyncEnumerable<ExportChunk> ExportChunks(string? asOf) =>
        Api.Stream(() => _server.Admin.ExportDirectory(asOf is null ? new ExportDirectoryRequest() : new ExportDirectoryRequest { AsOf = Api.Date(asOf) },
            RunningServer.Bearer(_server.Token("rita.reader", Roles.Reader))));

    private async Task<byte[]> Export(string? asOf = null)
    {
        using var buffer = new MemoryStream();
        await foreach (var chunk in ExportChunks(asOf))
            chunk.Data.WriteTo(buffer);
        return buffer.ToArray();
    }

    private Task<ImportDirectoryResponse> Import(byte[] content, bool dryRun, string reason, string? token = null) =>
        _server.Admin.ImportDirectoryAsync(
            new ImportDirectoryRequest { Content = ByteString.CopyFrom(content), DryRun = dryRun, Reason = reason }, RunningServer.Bearer(token ?? _admin)).ResponseAsync;

    private Task<Unit> GetUnit(string id, string? asOf = null) =>
        _server.Directory.GetUnitAsync(asOf is null ? new GetUnitRequest { Id = id } : new GetUnitRequest { Id = id, AsOf = Api.Date(asOf) }).ResponseAsync;

    private async Task<IReadOnlyList<string>> MailboxesOf(string unitId) =>
        (await _server.Directory.ListMailboxesAsync(new ListMailboxesRequest { UnitId = unitId }))
        .Mailboxes.Select(m => m.Address).ToList();

    private async Task<int> AuditCount() =>
        (await _server.Admin.ListAuditEventsAsync(new ListAuditEventsRequest { PageSize = 500 }, RunningServer.Bearer(_admin))).Events.Count;

    private static byte[] RenamedUnitAndNewMailbox(JsonNode document)
    {
        Record(document, "units", "pcca")["name"]!["en"] = "Preparedness and Climate Change Action Division (imported)";
        document["mailboxes"]!.AsArray().Add(Mailbox("mb-pcca-imports", "pcca-imports@iom.int", "pcca"));
        return Encoding.UTF8.GetBytes(document.ToJsonString());
    }

    private static byte[] Document(params (string Area, JsonNode[] Records)[] areas)
    {
        var document = new JsonObject { ["format"] = "iomdirectory/v1", ["as_of"] = null };
        foreach (var (area, records) in areas)
            document[area] = new JsonArray(records);
        return Encoding.UTF8.GetBytes(document.ToJsonString());
    }

    private static JsonNode Unit(string id, string name, string parent) => JsonNode.Parse(
        $$"""{"id":"{{id}}","kind":"unit","name":{"en":"{{name}}"},"parent":"{{parent}}","versions":[{"source":"{{Source}}"}]}""")!;

    private static JsonNode Mailbox(string id, string address, string owner) => JsonNode.Parse(
        $$"""{"id":"{{id}}","address":"{{address}}","owner":"{{owner}}","purpose":{"en":"Imported"},"versions":[{"source":"{{Source}}"}]}""")!;

    private static JsonNode Json(byte[] document) => JsonNode.Parse(document)!;

    private static JsonNode Json(string value) => JsonNode.Parse(value)!;

    private static List<string> Ids(JsonNode document, string area) => document[area]!.AsArray().Select(r => (string)r!["id"]!).ToList();

    private static JsonNode Record(JsonNode document, string area, string id) => document[area]!.AsArray().Single(r => (string?)r!["id"] == id)!;

    private static int RecordCount(JsonNode document) =>
        new[] { "offices", "functions", "coverage", "units", "mailboxes", "focal_points", "committees" }.Sum(a => document[a]!.AsArray().Count);
}
