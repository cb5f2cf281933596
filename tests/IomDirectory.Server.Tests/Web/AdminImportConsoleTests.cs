using System.Text.Json.Nodes;
using Grpc.Core;
using IomDirectory.Server.Security;
using IomDirectory.Server.Tests.Support;
using IomDirectory.TestIdentityProvider;
using IomDirectory.Contracts.V1;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IomDirectory.Server.Tests.Web;

/// <summary>The console's import in headless Chromium: a document pasted, its dry run with old → new values, then applied.</summary>
[TestFixture]
public sealed class AdminImportConsoleTests : SignInBrowserFixture
{
    /// <summary>A document holding one unit of the directory's own export, renamed in English.</summary>
    private async Task<(string Document, string OldName)> RenamedUnitAsync(string id, string newName)
    {
        var admin = new AdminService.AdminServiceClient(Server.Channel);
        using var buffer = new MemoryStream();
        using var export = admin.ExportDirectory(new ExportDirectoryRequest(), RunningServer.Bearer(Server.Token("rita.reader", Roles.Reader)));
        await foreach (var chunk in export.ResponseStream.ReadAllAsync()) chunk.Data.WriteTo(buffer);
        var unit = JsonNode.Parse(buffer.ToArray())!["units"]!.AsArray().Single(u => (string?)u!["id"] == id)!.DeepClone();
        var oldName = (string)unit["name"]!["en"]!;
        unit["name"]!["en"] = newName;
        var document = new JsonObject { ["format"] = "iomdirectory/v1", ["as_of"] = null, ["units"] = new JsonArray(unit) };
        return (document.ToJsonString(), oldName);
    }

    [Test]
    public async Task An_admin_previews_an_import_with_old_and_new_values_then_applies_it()
    {
        var (document, oldName) = await RenamedUnitAsync("pcca", "Policy, Coordination and Console Imports");
        var page = await SignedInAsync(TestDirectory.Ada);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Console" }).GetByRole(AriaRole.Link, new() { Name = "Import" }).ClickAsync();
        await page.GetByLabel("Or paste it").FillAsync(document);
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview (dry run)" }).ClickAsync();

        var preview = page.GetByRole(AriaRole.Table, new() { Name = "Dry run: 1 record(s) to change, 0 already so" });
        var row = preview.GetByRole(AriaRole.Row).Filter(new() { HasText = "pcca" });
        await Expect(row).ToContainTextAsync("update");
        await Expect(row.Locator("del")).ToContainTextAsync(oldName);
        await Expect(row.Locator("ins")).ToContainTextAsync("Policy, Coordination and Console Imports");
        Assert.That(await AuditOfAsync("pcca"), Is.Empty, "a dry run writes nothing");
        await AccessibilityAudit.AssertNoSeriousViolationsAsync(page, "console import preview");

        await page.GetByLabel("Reason (a ticket, what changed)").FillAsync("IMPORT-26 from the console");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(page.Locator("#applied")).ToContainTextAsync("Applied: 1 record(s) changed");
        var audit = (await AuditOfAsync("pcca")).Single();
        Assert.Multiple(() =>
        {
            Assert.That(audit.Operation, Is.EqualTo("import.update"));
            Assert.That(audit.Actor, Does.StartWith("Ada Admin"));
            Assert.That(audit.Reason, Is.EqualTo("IMPORT-26 from the console"));
            Assert.That(audit.AfterJson, Does.Contain("Policy, Coordination and Console Imports"));
        });
    }

    [Test]
    public async Task A_document_with_a_problem_is_refused_beside_the_document_with_its_path()
    {
        var page = await SignedInAsync(TestDirectory.Ada, "/admin/import");
        await page.GetByLabel("Or paste it").FillAsync("""{"format":"iomdirectory/v1","as_of":null,"units":[{"id":"import-bad","kind":"unit","name":{"en":"Bad"},"parent":"no-such-unit","versions":[{"source":"000_78fc46d8c5b0200a.txt"}]}]}""");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview (dry run)" }).ClickAsync();
        await Expect(page.GetByLabel("Or paste it")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#import-document-error")).ToContainTextAsync("units[0].parent");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Apply" })).ToHaveCountAsync(0);
    }

    [Test]
    public async Task An_editor_cannot_open_the_import()
    {
        var editor = await SignedInAsync(TestDirectory.Erin);
        await Expect(editor.GetByRole(AriaRole.Navigation, new() { Name = "Console" }).GetByRole(AriaRole.Link, new() { Name = "Import" })).ToHaveCountAsync(0);
        var response = await editor.APIRequest.GetAsync(new Uri(Web, "/admin/import").ToString());
        Assert.That(response.Status, Is.EqualTo(403));
        Assert.That(await response.TextAsync(), Does.Contain("directory.admin"));
    }
}
