using System.Text.Json;
using System.Text.Json.Nodes;
using IomDirectory.Contracts.V1;
using IomDirectory.Server.Tests.Support;

namespace IomDirectory.Server.Tests.Cli;

/// <summary>The admin commands, run as a process against a real server; each test writes to its own records.</summary>
[TestFixture]
public sealed class CliAdminCommandTests
{
    private CliServer _cli = null!;

    [OneTimeSetUp]
    public async Task Start() => _cli = await CliServer.StartAsync();

    [OneTimeTearDown]
    public async Task Stop() => await _cli.DisposeAsync();

    private Task<Unit> GetUnit(string id) => _cli.Server.Directory.GetUnitAsync(new GetUnitRequest { Id = id }).ResponseAsync;

    [Test]
    public async Task Token_PrintsOnlyATokenTheServerAccepts()
    {
        var minted = (await Iomdir.RunAsync("token", "--name", "tess.token", "--role", "editor", "--key-file", _cli.Server.KeyFile)).Ok();
        var token = minted.Stdout.Trim();
        Assert.That(minted.Stdout, Is.EqualTo(token + "\n"), "only the token, so $(iomdir token …) works");
        Assert.That(token.Split('.'), Has.Length.EqualTo(3));

        (await _cli.RunAs(token, "edit", "unit", "governing-bodies-secretariat", "--set", "acronym=GBS", "--reason", "TICKET-TOKEN")).Ok();
        var audit = (await _cli.RunAs(token, "audit", "--entity", "governing-bodies-secretariat", "--json")).Ok().Json();
        Assert.That(audit.GetProperty("events")[0].GetProperty("actor").GetString(), Is.EqualTo("tess.token"));

        var json = (await Iomdir.RunAsync("token", "--name", "tess.token", "--role", "admin", "--json",
            "--key-file", _cli.Server.KeyFile)).Ok().Json();
        Assert.That(json.GetProperty("role").GetString(), Is.EqualTo("directory.admin"));
        Assert.That(json.GetProperty("token").GetString(), Does.StartWith("ey"));
    }

    [Test]
    public async Task EditUnit_SetsOnlyTheGivenFields_WithoutTypingAVersion()
    {
        var before = await GetUnit("pcca");
        var outcome = (await _cli.RunAs(_cli.Editor, "edit", "unit", "pcca", "--set", "name.en=Climate Action Division", "--set", "acronym=CAD",
            "--reason", "TICKET-42")).Ok();
        Assert.That(outcome.Stdout, Does.Contain($"Updated unit pcca (name.en, acronym): now version {before.Version + 1}."));

        var after = await GetUnit("pcca");
        Assert.Multiple(() =>
        {
            Assert.That(after.Names.En, Is.EqualTo("Climate Action Division"));
            Assert.That(after.Acronym, Is.EqualTo("CAD"));
            Assert.That(after.Names.Fr, Is.EqualTo(before.Names.Fr), "name.fr was not in the mask");
            Assert.That(after.Description, Is.EqualTo(before.Description));
        });
    }

    [Test]
    public async Task EditOfficeAndMailbox_WithJson_ReturnTheWrittenRecord()
    {
        var office = (await _cli.RunAs(_cli.Editor, "edit", "office", "ro-dakar", "--set", "city.es=Dakar (Senegal)", "--reason", "TICKET-43", "--json")).Ok().Json();
        Assert.That(office.GetProperty("cities").GetProperty("es").GetString(), Is.EqualTo("Dakar (Senegal)"));
        Assert.That(office.GetProperty("version").GetString(), Is.EqualTo("2"), "int64 is a string in protobuf JSON");

        var mailbox = (await _cli.RunAs(_cli.Editor, "edit", "mailbox", "mb-dhrr", "--set", "purpose.en=Anything DHRR", "--reason", "TICKET-44", "--json")).Ok().Json();
        Assert.That(mailbox.GetProperty("purpose").GetString(), Is.EqualTo("Anything DHRR"));
    }

    [Test]
    public async Task MoveUnit_ReparentsIt_WhateverTheCaseOfTheIds()
    {
        var outcome = (await _cli.RunAs(_cli.Editor, "move", "unit", "CBI-Unit", "--to", "DER", "--reason", "TICKET-7")).Ok();
        Assert.That(outcome.Stdout, Does.Contain("Moved unit cbi-unit from dhrr to der"));
        Assert.That((await GetUnit("cbi-unit")).ParentUnitId, Is.EqualTo("der"));
    }

    [Test]
    public async Task Retire_ClosesMailboxFocalPointAndUnit()
    {
        Assert.That((await _cli.RunAs(_cli.Editor, "retire", "mailbox", "MB-HumanitarianCore", "--reason", "TICKET-9")).Ok().Stdout,
            Does.StartWith("Retired mailbox mb-humanitariancore"));
        var focal = (await _cli.RunAs(_cli.Editor, "retire", "focal-point", "rts-bangkok", "--reason", "TICKET-10", "--json")).Ok().Json();
        Assert.That(focal.GetProperty("retiredIds").EnumerateArray().Select(i => i.GetString()), Does.Contain("rts-bangkok"));
        (await _cli.RunAs(_cli.Editor, "retire", "unit", "dhrr-sg-action-agenda", "--reason", "TICKET-11")).Ok();

        foreach (var id in new[] { "mb-humanitariancore", "rts-bangkok", "dhrr-sg-action-agenda" })
            Assert.That((await _cli.Run("show", id)).ExitCode, Is.EqualTo(3), $"{id} is retired");
        Assert.That((await _cli.Run("show", "dhrr-sg-action-agenda", "--as-of", "2025-01-01")).Ok().Stdout, Does.Contain("dhrr-sg-action-agenda"),
            "history stays");
    }

    [Test]
    public async Task AuditAndWatch_ShowTheChanges()
    {
        (await _cli.RunAs(_cli.Editor, "edit", "unit", "special-envoys", "--set", "description.fr=Envoyés spéciaux", "--reason", "TICKET-AUDIT")).Ok();

        var table = (await _cli.RunAs(_cli.Editor, "audit", "--entity", "special-envoys")).Ok().Stdout;
        Assert.That(table, Does.Contain("unit.update").And.Contain("TICKET-AUDIT").And.Contain("erin.editor"));
        var events = (await _cli.RunAs(_cli.Editor, "audit", "--entity", "special-envoys", "--since", "2020-01-01", "--json")).Ok().Json().GetProperty("events");
        Assert.That(events.GetArrayLength(), Is.EqualTo(1));
        var sequence = long.Parse(events[0].GetProperty("sequence").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

        var watched = (await _cli.RunAs(_cli.Editor, "watch", "--from", (sequence - 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--count", "1", "--json")).Ok();
        var lines = watched.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1), "JSON Lines: one event per line");
        var change = JsonDocument.Parse(lines[0]).RootElement;
        Assert.That(change.GetProperty("sequence").GetString(), Is.EqualTo(sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(change.GetProperty("event").GetProperty("entityId").GetString(), Is.EqualTo("special-envoys"));

        var human = (await _cli.RunAs(_cli.Editor, "watch", "--from", "0", "--count", "1")).Ok().Stdout;
        Assert.That(human, Does.StartWith("1  "));
    }

    [Test]
    public async Task Export_WritesOneJsonDocument()
    {
        var file = Path.Combine(Path.GetTempPath(), $"iomdir-export-{Guid.NewGuid():N}.json");
        try
        {
            var written = (await _cli.RunAs(_cli.Reader, "export", "-o", file, "--json")).Ok().Json();
            Assert.That(written.GetProperty("bytes").GetInt64(), Is.EqualTo(new FileInfo(file).Length));
            var document = JsonNode.Parse(File.ReadAllText(file))!;
            Assert.That(document["format"]!.GetValue<string>(), Is.EqualTo("iomdirectory/v1"));
            Assert.That(document["units"]!.AsArray().Select(u => u!["id"]!.GetValue<string>()), Does.Contain("pcca"));

            var asOf = JsonNode.Parse((await _cli.RunAs(_cli.Reader, "export", "--as-of", "2023-01-01")).Ok().Stdout)!;
            Assert.That(asOf["units"]!.AsArray(), Is.Not.Empty);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public async Task ImportDryRun_ShowsTheChange_AndChangesNothing()
    {
        var exported = (await _cli.RunAs(_cli.Admin, "export")).Ok().Stdout;
        var document = JsonNode.Parse(exported)!;
        var der = document["units"]!.AsArray().Single(u => u!["id"]!.GetValue<string>() == "der")!;
        Rename(der, "Department of External Relations (renamed by import)");
        var file = Path.Combine(Path.GetTempPath(), $"iomdir-import-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, document.ToJsonString());
        try
        {
            var before = await GetUnit("der");
            var human = (await _cli.RunAs(_cli.Admin, "import", file, "--dry-run")).Ok();
            Assert.That(human.Stdout, Does.Contain("der").And.Contain("Dry run, nothing changed."));
            Assert.That(human.Stdout, Does.Contain(before.Names.En).And.Contain("Department of External Relations (renamed by import)"),
                "the name now and in the document");

            var json = (await _cli.RunAs(_cli.Admin, "import", file, "--dry-run", "--json")).Ok().Json();
            Assert.That(json.GetProperty("applied").GetBoolean(), Is.False);
            var change = json.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "der");
            Assert.That(change.GetProperty("change").GetString(), Is.EqualTo("update"));
            Assert.That(change.GetProperty("fields").EnumerateArray().Select(f => f.GetString()), Has.Some.StartsWith("name"));
            var name = change.GetProperty("values").EnumerateArray().Single(v => v.GetProperty("field").GetString() == "name");
            Assert.That(JsonNode.Parse(name.GetProperty("oldValue").GetString()!)!["en"]!.GetValue<string>(), Is.EqualTo(before.Names.En));
            Assert.That(JsonNode.Parse(name.GetProperty("newValue").GetString()!)!["en"]!.GetValue<string>(),
                Is.EqualTo("Department of External Relations (renamed by import)"));

            var after = await GetUnit("der");
            Assert.That(after.Names.En, Is.EqualTo(before.Names.En), "a dry run changes nothing");
            Assert.That(after.Version, Is.EqualTo(before.Version));
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Sets the English name wherever the record carries one (record level and each version's own).</summary>
    private static void Rename(JsonNode record, string name)
    {
        var holders = new[] { record }.Concat(record["versions"]?.AsArray().Select(v => v!) ?? []).Where(n => n["name"] is JsonObject).ToList();
        if (holders.Count == 0)
            record["name"] = new JsonObject();
        foreach (var holder in holders.DefaultIfEmpty(record))
            holder["name"]!["en"] = name;
    }
}
