using System.Text.Json;
using FieldMask = Google.Protobuf.WellKnownTypes.FieldMask;
using IomDirectory.Contracts.V1;
using IomDirectory.Server.Security;
using IomDirectory.Server.Tests.Cli;
using IomDirectory.Server.Tests.Support;

namespace IomDirectory.Server.Tests.Admin;

/// <summary>
/// Provenance that survives edits (#24, item 5): a version an admin writes keeps the source document its content was
/// derived from and says who changed it, when and why; history and the audit trail show which fields changed, old →
/// new, by their API names, through gRPC, the JSON routes, the page and the CLI.
/// </summary>
[TestFixture]
public sealed class ProvenanceTests
{
    private RunningServer _server = null!;

    [OneTimeSetUp]
    public async Task Start() => _server = await RunningServer.StartAsync();

    [OneTimeTearDown]
    public async Task Stop() => await _server.DisposeAsync();

    private Task<Unit> GetUnit(string id) => _server.Directory.GetUnitAsync(new GetUnitRequest { Id = id }).ResponseAsync;

    private async Task<Unit> Edit(string id, string path, UnitInput input, string reason)
    {
        var before = await GetUnit(id);
        return await _server.Admin.UpdateUnitAsync(new UpdateUnitRequest
        {
            Id = id, ExpectedVersion = before.Version, Unit = input, UpdateMask = new FieldMask { Paths = { path } }, Write = Api.Because(reason),
        }, RunningServer.Bearer(_server.Token("erin.editor", Roles.Editor)));
    }

    [Test]
    public async Task EditingOneField_KeepsTheSource_AndHistoryShowsOldToNew_Everywhere()
    {
        var before = await GetUnit("cbi-unit");
        var original = before.Provenance.SourceDocument;
        Assert.That(original, Does.EndWith(".txt"), "a sourced unit to start with");
        const string Spanish = "Unidad de Intervenciones Basadas en Efectivo (prueba)";

        var edited = await Edit("cbi-unit", "name.es", new UnitInput { Name = new LocalizedText { Es = Spanish } }, "TICKET-5");
        Assert.That(edited.Provenance.SourceDocument, Is.EqualTo("audit-trail"));
        Assert.That(edited.Provenance.DerivedFromDocument, Is.EqualTo(original), "the document the rest of the record comes from is kept");
        Assert.That(edited.Provenance.DerivedFromTitle, Is.Not.Empty);
        Assert.That((edited.Provenance.ChangedBy, edited.Provenance.ChangeReason), Is.EqualTo(("erin.editor", "TICKET-5")));
        Assert.That(edited.Provenance.ChangedAt, Is.Not.Null);

        // A second edit, of another field, still derives from the same document.
        var again = await Edit("cbi-unit", "description.es", new UnitInput { Description = new LocalizedText { Es = "Descripción de prueba." } }, "TICKET-6");
        Assert.That(again.Provenance.DerivedFromDocument, Is.EqualTo(original));

        var history = await _server.Directory.GetRecordHistoryAsync(
            new GetRecordHistoryRequest { Kind = "units", Id = "cbi-unit" });
        var last = history.Versions[^1];
        Assert.That(last.Shown, Is.True);
        Assert.That(last.Changes.Select(c => (c.Field, c.NewValue)), Is.EqualTo(new[] { ("description.es", "Descripción de prueba.") }));
        var renamed = history.Versions[^2];
        Assert.That(renamed.Changes.Select(c => (c.Field, c.OldValue, c.NewValue)), Is.EqualTo(new[] { ("name.es", before.Names.Es, Spanish) }));

        using var web = new HttpClient { BaseAddress = _server.WebAddress };
        using (var json = JsonDocument.Parse(await web.GetStringAsync("/v1/units/cbi-unit/history")))
            Assert.That(json.RootElement.GetProperty("versions").EnumerateArray().Last().GetProperty("changes")[0].GetProperty("field").GetString(),
                Is.EqualTo("description.es"), "the JSON route");

        var page = await web.GetStringAsync("/units/cbi-unit?lang=en");
        Assert.That(page, Does.Contain("Changed by erin.editor").And.Contain("TICKET-5").And.Contain("<code>name.es</code>"));
        Assert.That(page, Does.Not.Contain("Change made through the AdminService"), "the source document is named, not the audit trail");

        var cli = (await Iomdir.RunAsync("history", "cbi-unit", "--server", _server.Address.ToString())).Ok().Stdout;
        Assert.That(cli, Does.Contain("name.es:").And.Contain("→").And.Contain("erin.editor").And.Contain($"{history.Versions.Count} version(s) of units cbi-unit"),
            "a table for people (wrapped to the terminal)");
        var cliJson = (await Iomdir.RunAsync("history", "cbi-unit", "--json", "--server", _server.Address.ToString())).Ok().Json();
        var versions = cliJson.GetProperty("versions");
        var renamedInCli = versions[versions.GetArrayLength() - 2].GetProperty("changes")[0];
        Assert.That((renamedInCli.GetProperty("field").GetString(), renamedInCli.GetProperty("newValue").GetString()), Is.EqualTo(("name.es", Spanish)));

        var audit = (await Iomdir.RunAsync("audit", "--entity", "cbi-unit", "--json", "--server", _server.Address.ToString(),
            "--token", _server.Token("ada.admin", Roles.Admin))).Ok();
        var events = audit.Json().GetProperty("events");
        Assert.That(events.EnumerateArray().Select(e => e.GetProperty("changes")[0].GetProperty("field").GetString()),
            Is.EquivalentTo(new[] { "name.es", "description.es" }), "each event says what it changed, by API field names");
        Assert.That(audit.Stdout, Does.Not.Contain("rowId").And.Not.Contain("\"kind\":5"), "no internal JSON");
    }

    [Test]
    public async Task ARecordCreatedByAnAdmin_SaysSo_AndItsFirstVersionListsWhatItSets()
    {
        await _server.Admin.CreateUnitAsync(new CreateUnitRequest
        {
            Id = "provenance-test-unit", Unit = new UnitInput { Kind = UnitKind.Unit, Name = new LocalizedText { En = "Provenance Test Unit" }, ParentUnitId = "dhrr" },
            Write = Api.Because("TICKET-7"),
        }, RunningServer.Bearer(_server.Token("ada.admin", Roles.Admin)));
        var history = await _server.Directory.GetRecordHistoryAsync(
            new GetRecordHistoryRequest { Kind = "units", Id = "provenance-test-unit" });
        var first = history.Versions.Single();
        Assert.That(first.Provenance.DerivedFromDocument, Is.Empty, "created, not derived from a source");
        Assert.That(first.Provenance.ChangedBy, Is.EqualTo("ada.admin"));
        Assert.That(first.Changes.Select(c => c.Field), Does.Contain("name.en").And.Contain("parent_unit_id"));
        var failure = await Api.Failure(() => _server.Directory.GetRecordHistoryAsync(
            new GetRecordHistoryRequest { Kind = "teams", Id = "dhrr" }).ResponseAsync);
        Assert.That(failure.Fields, Is.EqualTo(new[] { "kind" }));
    }
}
