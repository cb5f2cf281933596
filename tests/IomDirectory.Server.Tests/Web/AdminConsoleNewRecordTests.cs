using System.Text.RegularExpressions;
using IomDirectory.Server.Tests.Support;
using IomDirectory.TestIdentityProvider;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IomDirectory.Server.Tests.Web;

/// <summary>
/// New offices, mailboxes and focal points made in the console (the AdminService's create commands, previewed first),
/// and the console in French and Spanish, in headless Chromium against one real server signed in through the test
/// provider. Each test creates records of its own ids.
/// </summary>
[TestFixture]
public sealed class AdminConsoleNewRecordTests : SignInBrowserFixture
{
    private static ILocator Preview(IPage page) => page.GetByRole(AriaRole.Table, new() { Name = "Preview: what saving changes" });

    private static async Task PreviewThenSaveAsync(IPage page, string reason)
    {
        await page.GetByLabel("Reason (a ticket, what changed)").FillAsync(reason);
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Expect(Preview(page)).ToBeVisibleAsync();
        await Expect(page.GetByText("Takes effect now.")).ToBeVisibleAsync();
    }

    [Test]
    public async Task An_editor_creates_an_office_then_a_mailbox_and_a_focal_point_of_it_and_finds_each_in_its_history()
    {
        var page = await SignedInAsync(TestDirectory.Erin);
        await page.GetByRole(AriaRole.List, new() { Name = "Create a record" }).GetByRole(AriaRole.Link, new() { Name = "New office" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("New office");
        await page.GetByLabel("Id (lower-case letters, digits, hyphens; never reused)").FillAsync("test-console-office");
        await page.GetByLabel("Office type").SelectOptionAsync(new SelectOptionValue { Label = "Country office" });
        await page.GetByLabel("Country (ISO code, two letters)").FillAsync("ML");
        await page.GetByLabel("Name (English)", new() { Exact = true }).FillAsync("Test office made in the console");
        await page.GetByLabel("Name (French)", new() { Exact = true }).FillAsync("Bureau de test créé dans la console");
        await page.GetByLabel("City (English)", new() { Exact = true }).FillAsync("Bamako");
        await page.GetByLabel("Source (where the new value comes from)").FillAsync("browser test");
        await PreviewThenSaveAsync(page, "TEST-26 new office");
        await Expect(Preview(page)).ToContainTextAsync("Bureau de test créé dans la console");
        await Expect(Preview(page)).ToContainTextAsync("CountryOffice");
        Assert.That(await AuditOfAsync("test-console-office"), Is.Empty, "a preview writes nothing");
        await ScreenshotAsync(page, "console-new-office");
        await AccessibilityAudit.AssertNoSeriousViolationsAsync(page, "console new office with preview");

        await page.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Edit office “Test office made in the console”");
        await Expect(page.Locator("#saved")).ToContainTextAsync("Saved: version 1");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "History" })).ToContainTextAsync("TEST-26 new office (source: browser test)");
        var office = (await AuditOfAsync("test-console-office")).Single();
        Assert.Multiple(() =>
        {
            Assert.That(office.Operation, Is.EqualTo("office.create"));
            Assert.That(office.Actor, Does.StartWith("Erin Editor"));
            Assert.That(office.AfterJson, Does.Contain("Bamako"));
        });

        var officePage = page.Url;
        await page.GetByRole(AriaRole.List, new() { Name = "Add to this record" }).GetByRole(AriaRole.Link, new() { Name = "New mailbox" }).ClickAsync();
        await Expect(page.GetByLabel("Owning office id (or a unit above)")).ToHaveValueAsync("test-console-office");
        await page.GetByLabel("Id (lower-case letters, digits, hyphens; never reused)").FillAsync("test-console-mailbox");
        await page.GetByLabel("Address", new() { Exact = true }).FillAsync("test-console-mailbox@example.org");
        await page.GetByLabel("Purpose (English)", new() { Exact = true }).FillAsync("Test mailbox made in the console");
        await PreviewThenSaveAsync(page, "TEST-26 new mailbox");
        await Expect(Preview(page)).ToContainTextAsync("test-console-mailbox@example.org");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Edit mailbox “test-console-mailbox@example.org”");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "History" })).ToContainTextAsync("TEST-26 new mailbox");

        await page.GotoAsync(officePage);
        await page.GetByRole(AriaRole.List, new() { Name = "Add to this record" }).GetByRole(AriaRole.Link, new() { Name = "New focal point" }).ClickAsync();
        await Expect(page.GetByLabel("Office id", new() { Exact = true })).ToHaveValueAsync("test-console-office");
        await page.GetByLabel("Id (lower-case letters, digits, hyphens; never reused)").FillAsync("test-console-focal-point");
        await page.GetByLabel("Unit id", new() { Exact = true }).FillAsync("dhrr");
        await page.GetByLabel("Role title (English)", new() { Exact = true }).FillAsync("Test focal point made in the console");
        await PreviewThenSaveAsync(page, "TEST-26 new focal point");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Edit focal point “Test focal point made in the console”");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "History" })).ToContainTextAsync("TEST-26 new focal point");

        Assert.That((await AuditOfAsync("test-console-mailbox")).Single().Operation, Is.EqualTo("mailbox.create"));
        Assert.That((await AuditOfAsync("test-console-focal-point")).Single().Operation, Is.EqualTo("focal_point.create"));
    }

    [Test]
    public async Task A_bad_address_and_a_used_id_are_refused_beside_their_fields_and_nothing_is_created()
    {
        var page = await SignedInAsync(TestDirectory.Erin, "/admin/new/mailboxes?owner_unit_id=dhrr&lang=en");
        await page.GetByLabel("Id (lower-case letters, digits, hyphens; never reused)").FillAsync("dhrr");
        await page.GetByLabel("Address", new() { Exact = true }).FillAsync("not-an-address");
        await PreviewThenSaveAsync(page, "TEST-26 a bad mailbox");

        await Expect(page.Locator("#f-address-error")).ToHaveTextAsync("'not-an-address' is not a valid e-mail address");
        await Expect(page.GetByLabel("Address", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.GetByLabel("Address", new() { Exact = true })).ToHaveAttributeAsync("aria-describedby", "f-address-error");
        await Expect(page.Locator("#f-id-error")).ToContainTextAsync("id 'dhrr' is already used");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Create" })).ToHaveCountAsync(0);
        await AccessibilityAudit.AssertNoSeriousViolationsAsync(page, "console new mailbox with errors");

        // Saving without a clean preview (a form sent by hand) is refused the same way: the command's validators run again.
        var token = await page.Locator("input[name=__RequestVerificationToken]").First.GetAttributeAsync("value");
        var response = await page.APIRequest.PostAsync(new Uri(Web, "/admin/new/mailboxes?lang=en").ToString(), new()
        {
            Form = page.APIRequest.CreateFormData().Set("__RequestVerificationToken", token!).Set("id", "test-console-bad-mailbox")
                .Set("address", "not-an-address").Set("owner_unit_id", "dhrr").Set("reason", "TEST-26 forced").Set("step", "save")
                .Set("purpose.en", new string('x', Features.Admin.RecordLimits.Purpose + 1)),
        });
        Assert.That(response.Status, Is.EqualTo(200), "the form again, with its errors");
        await page.SetContentAsync(await response.TextAsync());
        await Expect(page.Locator("#f-address-error")).ToHaveTextAsync("'not-an-address' is not a valid e-mail address");
        await Expect(page.Locator("#f-purpose-en-error")).ToHaveTextAsync($"at most {Features.Admin.RecordLimits.Purpose} characters");
        Assert.That(await AuditOfAsync("test-console-bad-mailbox"), Is.Empty);
        await using var db = Server.Store.CreateContext();
        Assert.That(await db.Mailboxes.CountAsync(m => m.Id == "test-console-bad-mailbox"), Is.Zero);
    }

    [Test]
    public async Task A_new_mailbox_can_be_made_with_the_keyboard_alone()
    {
        var page = await SignedInAsync(TestDirectory.Erin);
        await TabToAsync(page, "a[href='/admin/new/mailboxes?lang=en']");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex("/admin/new/mailboxes\\?lang=en$"));
        await TabToAsync(page, "#f-id");
        await page.Keyboard.TypeAsync("test-console-keyboard");
        await TabToAsync(page, "#f-address");
        await page.Keyboard.TypeAsync("test-console-keyboard@example.org");
        await TabToAsync(page, "#f-owner_unit_id");
        await page.Keyboard.TypeAsync("dhrr");
        await TabToAsync(page, "#new-reason");
        await page.Keyboard.TypeAsync("TEST-26 keyboard");
        await TabToAsync(page, "button[value=preview]");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#preview")).ToContainTextAsync("test-console-keyboard@example.org");
        await TabToAsync(page, "button[value=save]");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#saved")).ToContainTextAsync("Saved: version 1");
        Assert.That((await AuditOfAsync("test-console-keyboard")).Single().Actor, Does.StartWith("Erin Editor"));
    }

    [Test]
    public async Task The_console_in_French_says_it_in_French_and_keeps_the_language_from_page_to_page()
    {
        var page = await SignedInAsync(TestDirectory.Erin, "/admin?lang=fr");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Console d’administration");
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Console" });
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Trouver une fiche" })).ToBeVisibleAsync();
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "File de relecture" })).ToBeVisibleAsync();
        await AccessibilityAudit.AssertNoSeriousViolationsAsync(page, "console home in French");

        await page.GetByLabel("Trouver une unité, un bureau, une boîte aux lettres ou un point focal").FillAsync("DHRR Administration");
        await page.GetByRole(AriaRole.Button, new() { Name = "Trouver" }).ClickAsync();
        await page.GetByRole(AriaRole.List, new() { Name = "Résultats" }).GetByRole(AriaRole.Link, new() { Name = "Administration du DHRR" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Modifier l’unité « Administration du DHRR »");
        await Expect(page.GetByLabel("Nom (espagnol)", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await page.GetByLabel("Nom (espagnol)", new() { Exact = true }).FillAsync("Administración del DHRR (prueba en francés)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Aperçu" }).ClickAsync();
        await Expect(page.Locator("#edit-reason-error")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Aperçu : ce que l’enregistrement change" })).ToContainTextAsync("prueba en francés");
        await Expect(page.GetByText("Prend effet immédiatement.")).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await AccessibilityAudit.AssertNoSeriousViolationsAsync(page, "console edit in French with errors");

        await page.GotoAsync(new Uri(Web, "/admin/new/offices?lang=fr").ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Nouveau bureau");
        await Expect(page.GetByLabel("Type de bureau")).ToContainTextAsync("Bureau de pays");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Aperçu" })).ToBeVisibleAsync();
        await ScreenshotAsync(page, "console-new-office-fr");
    }

    [Test]
    public async Task The_console_follows_Accept_Language_when_the_address_names_no_language()
    {
        var page = await SignedInAsync(TestDirectory.Erin, "/admin", acceptLanguage: "es-ES,es;q=0.9");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "es");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Consola de administración");
        await page.GetByRole(AriaRole.Link, new() { Name = "Nuevo punto focal" }).ClickAsync();
        await Expect(page.GetByLabel("Título del cargo (inglés)", new() { Exact = true })).ToBeVisibleAsync();
        await AccessibilityAudit.AssertNoSeriousViolationsAsync(page, "console new focal point in Spanish");
    }

    [Test]
    public async Task A_reader_cannot_open_a_new_record_form_nor_send_one()
    {
        var reader = await SignedInAsync(TestDirectory.Rita, "/ask?lang=en");
        var form = await reader.APIRequest.GetAsync(new Uri(Web, "/admin/new/offices").ToString());
        Assert.That(form.Status, Is.EqualTo(403));
        Assert.That(await form.TextAsync(), Does.Not.Contain("Office type"));
        var sent = await reader.APIRequest.PostAsync(new Uri(Web, "/admin/new/offices").ToString(), new()
        {
            Form = reader.APIRequest.CreateFormData().Set("id", "test-console-reader").Set("reason", "TEST-26 reader").Set("step", "save"),
        });
        Assert.That(sent.Status, Is.AnyOf(400, 403));
        Assert.That(await AuditOfAsync("test-console-reader"), Is.Empty);
    }
}
