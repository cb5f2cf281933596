using System.Text.RegularExpressions;
using IomDirectory.Server.Features.Feedback;
using IomDirectory.Server.Tests.Support;
using IomDirectory.TestIdentityProvider;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IomDirectory.Server.Tests.Web;

/// <summary>
/// The admin console and the correction loop in headless Chromium, signed in through the test provider's own login
/// form, against one real server (SQLite, or PostgreSQL in the second pass). Each test edits a unit of its own.
/// </summary>
[TestFixture]
public sealed class AdminConsoleTests : SignInBrowserFixture
{
    private static async Task OpenEditAsync(IPage page, string query, string linkName)
    {
        await page.GetByLabel("Find a unit, office, mailbox or focal point").FillAsync(query);
        await page.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();
        await page.GetByRole(AriaRole.List, new() { Name = "Found" }).GetByRole(AriaRole.Link, new() { Name = linkName, Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(linkName);
    }

    [Test]
    public async Task An_editor_finds_a_unit_schedules_a_change_sees_the_preview_saves_and_finds_it_in_history()
    {
        var page = await SignedInAsync(TestDirectory.Erin);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Admin console" })).ToBeVisibleAsync();
        await ScreenshotAsync(page, "console-home");
        await AccessibilityAudit.AssertNoSeriousViolationsAsync(page, "console home");
        await OpenEditAsync(page, "DHRR Administration", "DHRR Administration");

        var effective = DateTime.UtcNow.Date.AddDays(30).ToString("yyyy-MM-dd");
        await page.GetByLabel("Name (Spanish)", new() { Exact = true }).FillAsync("Administración del DHRR (prueba)");
        await page.GetByLabel("Effective date (empty: now; a later date schedules it)").First.FillAsync(effective);
        await page.GetByLabel("Reason (a ticket, what changed)").First.FillAsync("TEST-26 scheduled rename");
        await page.GetByLabel("Source (where the new value comes from)").First.FillAsync("browser test");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();

        var preview = page.GetByRole(AriaRole.Table, new() { Name = "Preview: what saving changes" });
        await Expect(preview).ToContainTextAsync("name.es");
        await Expect(preview).ToContainTextAsync("Administración del DHRR (prueba)");
        await Expect(page.GetByText("Takes effect on " + effective)).ToBeVisibleAsync();
        Assert.That(await AuditOfAsync("dhrr-administration"), Is.Empty, "a preview writes nothing");
        await ScreenshotAsync(page, "console-preview");
        await ScreenshotDownToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Save" }), "console-preview-top");
        await AccessibilityAudit.AssertNoSeriousViolationsAsync(page, "console edit with preview");

        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.Locator("#saved")).ToContainTextAsync("Saved: version 2");
        var history = page.GetByRole(AriaRole.Table, new() { Name = "History" });
        await Expect(history).ToContainTextAsync("Administración del DHRR (prueba)");
        await Expect(history).ToContainTextAsync("TEST-26 scheduled rename (source: browser test)");
        var audit = (await AuditOfAsync("dhrr-administration")).Single();
        Assert.Multiple(() =>
        {
            Assert.That(audit.Actor, Does.StartWith("Erin Editor"));
            Assert.That(audit.Reason, Is.EqualTo("TEST-26 scheduled rename (source: browser test)"));
            Assert.That(audit.AfterJson, Does.Contain(effective));
        });
    }

    [Test]
    public async Task A_validation_error_is_shown_beside_its_field()
    {
        var page = await SignedInAsync(TestDirectory.Erin, "/admin/units/dhrr-humanitarian-policy");
        await Expect(page.GetByLabel("Acronym", new() { Exact = true })).ToHaveAttributeAsync("maxlength", "20");
        await page.GetByLabel("Acronym", new() { Exact = true }).FillAsync("DHRR");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();

        var acronym = page.GetByLabel("Acronym", new() { Exact = true });
        await Expect(acronym).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#f-acronym-error")).ToHaveTextAsync("acronym DHRR is already used by active unit 'dhrr'");
        await Expect(acronym).ToHaveAttributeAsync("aria-describedby", "f-acronym-error");
        await Expect(page.Locator("#edit-reason-error")).ToHaveTextAsync("a reason is required (for example a ticket reference)");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save" })).ToHaveCountAsync(0);
        await AccessibilityAudit.AssertNoSeriousViolationsAsync(page, "console edit with errors");
    }

    [Test]
    public async Task A_phone_not_in_international_form_is_refused_beside_the_phones_field()
    {
        var page = await SignedInAsync(TestDirectory.Erin, "/admin/offices/ro-dakar");
        await page.GetByLabel("Phones (international form, one a line)").FillAsync("12345");
        await page.GetByLabel("Reason (a ticket, what changed)").First.FillAsync("TEST-26 a phone");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Expect(page.Locator("#f-channels-phones-error")).ToContainTextAsync("'12345' is not a phone number in international form");
        await Expect(page.GetByLabel("Phones (international form, one a line)")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save" })).ToHaveCountAsync(0);
    }

    [Test]
    public async Task A_concurrent_change_is_reported_with_the_change_that_won()
    {
        var mine = await SignedInAsync(TestDirectory.Erin, "/admin/units/dhrr-sg-action-agenda");
        var theirs = await SignedInAsync(TestDirectory.Ada, "/admin/units/dhrr-sg-action-agenda");

        await theirs.GetByLabel("Name (French)", new() { Exact = true }).FillAsync("Programme d’action (modifié d’abord)");
        await theirs.GetByLabel("Reason (a ticket, what changed)").First.FillAsync("TEST-26 the first edit");
        await theirs.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await theirs.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(theirs.Locator("#saved")).ToBeVisibleAsync();

        await mine.GetByLabel("Name (Spanish)", new() { Exact = true }).FillAsync("Agenda de acción (modificada después)");
        await mine.GetByLabel("Reason (a ticket, what changed)").First.FillAsync("TEST-26 the second edit");
        await mine.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await mine.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        var conflict = mine.Locator("#conflict");
        await Expect(conflict).ToContainTextAsync("Someone changed it meanwhile");
        await Expect(conflict).ToContainTextAsync("You edited version 1; it is now at version 2");
        await Expect(conflict).ToContainTextAsync("Ada Admin");
        await Expect(conflict).ToContainTextAsync("TEST-26 the first edit");
        await Expect(conflict).ToContainTextAsync("Programme d’action (modifié d’abord)");
        await Expect(mine.GetByLabel("Name (Spanish)", new() { Exact = true })).ToHaveValueAsync("Agenda de acción (modificada después)");
        Assert.That((await AuditOfAsync("dhrr-sg-action-agenda")).Select(a => a.Reason), Is.EqualTo(new[] { "TEST-26 the first edit" }));
    }

    [Test]
    public async Task An_anonymous_correction_accepted_by_an_editor_changes_the_record_and_the_audit_links_the_suggestion()
    {
        var anonymous = await OpenAsync("/units/dhrr-reintegration-drivers?lang=en");
        await anonymous.GetByRole(AriaRole.Link, new() { Name = "Suggest a correction" }).ClickAsync();
        await anonymous.GetByLabel("Which field").SelectOptionAsync(new SelectOptionValue { Label = "Name (Spanish)" });
        await anonymous.GetByLabel("What is wrong (required)").FillAsync("The Spanish name is missing.");
        await anonymous.GetByLabel("The right value, if you know it").FillAsync("Reintegración (propuesta de prueba)");
        await anonymous.GetByLabel("Where it comes from (optional: a document, a page)").FillAsync("test source");
        await anonymous.GetByLabel(new Regex("^Your e-mail")).FillAsync("tester@example.org");
        await AccessibilityAudit.AssertNoSeriousViolationsAsync(anonymous, "suggest a correction");
        await anonymous.GetByRole(AriaRole.Button, new() { Name = "Send the suggestion" }).ClickAsync();
        await Expect(anonymous.Locator("#follow-state")).ToHaveTextAsync("Waiting for an editor's review.");
        var follow = anonymous.Url;
        Assert.That(follow, Does.Match("/suggestions/[A-Za-z0-9_-]{43}"), "an unguessable link: 256 random bits");

        var editor = await SignedInAsync(TestDirectory.Erin, "/admin/suggestions");
        var card = editor.GetByRole(AriaRole.Article).Filter(new() { HasText = "dhrr-reintegration-drivers" });
        await Expect(card).ToContainTextAsync("tester@example.org");
        await AccessibilityAudit.AssertNoSeriousViolationsAsync(editor, "review queue");
        await ScreenshotAsync(editor, "console-queue");
        var publicId = Regex.Match(await card.GetByRole(AriaRole.Heading).InnerTextAsync(), "S-[0-9]+").Value;
        await card.GetByRole(AriaRole.Link, new() { Name = "Accept: open the edit" }).ClickAsync();
        await Expect(editor.GetByLabel("Name (Spanish)", new() { Exact = true })).ToHaveValueAsync("Reintegración (propuesta de prueba)");
        await Expect(editor.GetByLabel("Source (where the new value comes from)").First).ToHaveValueAsync("test source");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await editor.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(editor.Locator("#saved")).ToBeVisibleAsync();

        var audit = (await AuditOfAsync("dhrr-reintegration-drivers")).Single();
        Assert.That(audit.Reason, Does.StartWith($"[{publicId}] Correction suggested by staff: The Spanish name is missing."));
        using (var after = System.Text.Json.JsonDocument.Parse(audit.AfterJson))
            Assert.That(after.RootElement.GetProperty("name").GetProperty("es").GetString(), Is.EqualTo("Reintegración (propuesta de prueba)"));
        var page = await OpenAsync("/units/dhrr-reintegration-drivers?lang=es");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Reintegración (propuesta de prueba)");
        await anonymous.GotoAsync(follow);
        await Expect(anonymous.Locator("#follow-state")).ToHaveTextAsync("Accepted: the directory was changed.");
        await Expect(anonymous.GetByText("tester@example.org")).ToHaveCountAsync(0);
    }

    [Test]
    public async Task A_rejected_correction_tells_the_suggester_why_and_the_suggester_can_delete_it()
    {
        var anonymous = await OpenAsync("/suggest?kind=offices&id=ro-dakar&lang=fr");
        await anonymous.GetByLabel("Ce qui est faux (obligatoire)").FillAsync("Test: nothing is wrong.");
        await anonymous.GetByRole(AriaRole.Button, new() { Name = "Envoyer la proposition" }).ClickAsync();
        var follow = anonymous.Url;

        var editor = await SignedInAsync(TestDirectory.Erin, "/admin/suggestions");
        var card = editor.GetByRole(AriaRole.Article).Filter(new() { HasText = "Test: nothing is wrong." });
        await card.GetByRole(AriaRole.Button, new() { Name = "Reject" }).ClickAsync();
        await Expect(editor.GetByText("a reason is required: the suggester reads it")).ToBeVisibleAsync();
        card = editor.GetByRole(AriaRole.Article).Filter(new() { HasText = "Test: nothing is wrong." });
        await card.GetByLabel(new Regex("^Reason for rejecting")).FillAsync("The sources say otherwise.");
        await card.GetByRole(AriaRole.Button, new() { Name = "Reject" }).ClickAsync();
        await Expect(editor.GetByRole(AriaRole.Article).Filter(new() { HasText = "Test: nothing is wrong." })).ToHaveCountAsync(0);

        await anonymous.GotoAsync(follow);
        await Expect(anonymous.Locator("#follow-state")).ToHaveTextAsync("Non acceptée.");
        await Expect(anonymous.GetByText("The sources say otherwise.")).ToBeVisibleAsync();
        await anonymous.GetByRole(AriaRole.Button, new() { Name = "Supprimer mon envoi" }).ClickAsync();
        await Expect(anonymous.Locator("#follow-state")).ToHaveTextAsync("Supprimé : rien n’en est conservé.");
        await using var db = Server.Store.CreateContext();
        Assert.That(await db.Suggestions.CountAsync(s => s.Problem == "Test: nothing is wrong."), Is.Zero);
    }

    [Test]
    public async Task Not_helpful_appears_in_the_curators_report_with_its_question_and_language()
    {
        var page = await OpenAsync("/ask?q=" + Uri.EscapeDataString("Qui s'occupe des transferts monétaires ?") + "&country=KE");
        await page.Locator("#helpful").GetByRole(AriaRole.Link, new() { Name = "Non" }).ClickAsync();
        await Expect(page.GetByText("Qui s'occupe des transferts monétaires ?")).ToBeVisibleAsync();
        await page.GetByLabel("Que cherchiez-vous ? (facultatif)").FillAsync("Test note: the cash unit's mailbox.");
        await AccessibilityAudit.AssertNoSeriousViolationsAsync(page, "was this helpful");
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer" }).ClickAsync();
        await Expect(page.Locator("#follow-state")).ToHaveTextAsync("Reçu : il figure dans le rapport des responsables.");

        var editor = await SignedInAsync(TestDirectory.Erin, "/admin/reports");
        var unhelpful = editor.GetByRole(AriaRole.Table, new() { Name = "Unhelpful answers" });
        await Expect(unhelpful).ToContainTextAsync("Qui s'occupe des transferts monétaires ?");
        await Expect(unhelpful).ToContainTextAsync("(fr, KE)");
        await Expect(unhelpful).ToContainTextAsync("Test note: the cash unit's mailbox.");
        await AccessibilityAudit.AssertNoSeriousViolationsAsync(editor, "curators' report");
        await using var db = Server.Store.CreateContext();
        var stored = await db.Suggestions.SingleAsync(s => s.Note == "Test note: the cash unit's mailbox.");
        Assert.Multiple(() =>
        {
            Assert.That(stored.Helpful, Is.False);
            Assert.That(stored.Language, Is.EqualTo("fr"));
            Assert.That(stored.AnswerShown, Is.Not.Empty, "the answer shown is kept with it");
            Assert.That(stored.AnswerKey, Does.Contain(":"));
        });
    }

    [Test]
    public async Task An_over_long_field_of_a_public_form_is_refused_beside_its_field_and_nothing_is_stored()
    {
        var page = await OpenAsync("/suggest?kind=offices&id=ro-dakar&lang=en");
        await Expect(page.GetByLabel("What is wrong (required)")).ToHaveAttributeAsync("maxlength", FeedbackLimits.Problem.ToString());
        var token = await page.Locator("input[name=__RequestVerificationToken]").GetAttributeAsync("value");
        var response = await page.APIRequest.PostAsync(new Uri(Web, "/suggest?lang=en").ToString(), new()
        {
            Form = page.APIRequest.CreateFormData().Set("__RequestVerificationToken", token!).Set("kind", "offices").Set("id", "ro-dakar")
                .Set("problem", "over-long test " + new string('x', FeedbackLimits.Problem)).Set("contact", new string('y', FeedbackLimits.Contact + 1)),
        });
        Assert.That(response.Status, Is.EqualTo(200), "the form again, with its errors");
        await page.SetContentAsync(await response.TextAsync());
        await Expect(page.Locator("#s-problem-error")).ToHaveTextAsync($"at most {FeedbackLimits.Problem} characters");
        await Expect(page.Locator("#s-contact-error")).ToHaveTextAsync($"at most {FeedbackLimits.Contact} characters");
        await using var db = Server.Store.CreateContext();
        Assert.That(await db.Suggestions.CountAsync(s => s.Problem.StartsWith("over-long test")), Is.Zero);
    }

    [Test]
    public async Task An_editor_creates_a_unit_and_a_move_that_would_make_a_cycle_is_refused_beside_the_move()
    {
        var page = await SignedInAsync(TestDirectory.Erin, "/admin/units/dhrr-directors-office");
        await page.Locator("#create-id").FillAsync("test-console-child");
        await page.Locator("#create-kind").SelectOptionAsync("Unit");
        await page.Locator("#create-name-en").FillAsync("Test unit made in the console");
        await page.Locator("#create-reason").FillAsync("TEST-26 create");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Test unit made in the console");
        await Expect(page.Locator("#saved")).ToContainTextAsync("Saved: version 1");
        Assert.That((await AuditOfAsync("test-console-child")).Select(a => (a.Operation, a.Actor.StartsWith("Erin Editor"))), Is.EqualTo(new[] { ("unit.create", true) }));

        await page.GotoAsync(new Uri(Web, "/admin/units/dhrr-directors-office").ToString());
        await page.Locator("#move-parent").FillAsync("test-console-child");
        await page.Locator("#move-reason").FillAsync("TEST-26 a cycle");
        await page.GetByRole(AriaRole.Button, new() { Name = "Move" }).ClickAsync();
        await Expect(page.Locator("#move-error")).ToContainTextAsync("test-console-child");
        Assert.That(await AuditOfAsync("dhrr-directors-office"), Is.Empty);
    }

    private static ILocator Coverage(IPage page) => page.GetByRole(AriaRole.Group, new() { Name = "Countries covered (admins)" });

    [Test]
    public async Task An_admin_moves_a_country_to_a_regional_office_and_a_country_left_without_one_is_refused_beside_the_coverage_form()
    {
        var page = await SignedInAsync(TestDirectory.Ada, "/admin/offices/ro-vienna");
        var countries = page.GetByLabel("Country codes (separated by spaces)");
        var before = await countries.InputValueAsync();
        Assert.That(before.Split(' '), Does.Contain("AT").And.Not.Contain("AF"));
        await countries.FillAsync(before + " AF");
        await Coverage(page).GetByLabel("Reason (a ticket, what changed)").FillAsync("TEST-26 coverage from the console");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save coverage" }).ClickAsync();
        await Expect(page.Locator("#saved")).ToHaveTextAsync("Coverage saved.");
        Assert.That((await page.GetByLabel("Country codes (separated by spaces)").InputValueAsync()).Split(' '), Does.Contain("AF"));
        var audit = (await AuditOfAsync("cov-af")).Single();
        Assert.Multiple(() =>
        {
            Assert.That(audit.Actor, Does.StartWith("Ada Admin"));
            Assert.That(audit.AfterJson, Does.Contain("ro-vienna"));
        });

        await page.GetByLabel("Country codes (separated by spaces)").FillAsync("AF");
        await Coverage(page).GetByLabel("Reason (a ticket, what changed)").FillAsync("TEST-26 drop them all");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save coverage" }).ClickAsync();
        await Expect(page.Locator("#coverage-error")).ToContainTextAsync("would be left without a regional office");
        Assert.That(await AuditOfAsync("cov-at"), Is.Empty);

        var editor = await SignedInAsync(TestDirectory.Erin, "/admin/offices/ro-vienna");
        await Expect(editor.GetByRole(AriaRole.Button, new() { Name = "Save coverage" })).ToHaveCountAsync(0);
    }

    [Test]
    public async Task A_reader_and_an_anonymous_person_cannot_open_the_console()
    {
        var reader = await SignedInAsync(TestDirectory.Rita, "/ask?lang=en");
        await Expect(reader.GetByRole(AriaRole.Link, new() { Name = "Admin console" })).ToHaveCountAsync(0);
        var response = await reader.APIRequest.GetAsync(new Uri(Web, "/admin").ToString());
        Assert.That(response.Status, Is.EqualTo(403));
        Assert.That(await response.TextAsync(), Does.Not.Contain("Find a unit").And.Contain("directory.editor"));
        var queue = await reader.APIRequest.GetAsync(new Uri(Web, "/admin/suggestions").ToString());
        Assert.That(queue.Status, Is.EqualTo(403));

        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
        var anonymous = await http.GetAsync(new Uri(Web, "/admin/reports"));
        Assert.That((int)anonymous.StatusCode, Is.EqualTo(302));
        Assert.That(anonymous.Headers.Location!.ToString(), Does.StartWith("/signin?returnUrl="));
        var post = await http.PostAsync(new Uri(Web, "/admin/units/dhrr"), new FormUrlEncodedContent(new Dictionary<string, string> { ["name.en"] = "x" }));
        Assert.That((int)post.StatusCode, Is.EqualTo(401));
    }

    [Test]
    public async Task A_cross_site_post_without_the_form_token_is_refused()
    {
        var editor = await SignedInAsync(TestDirectory.Erin, "/admin/units/dhrr");
        // A cross-site form would carry the session cookie (if SameSite let it) but not the token.
        var forged = await editor.APIRequest.PostAsync(new Uri(Web, "/admin/units/dhrr").ToString(), new()
        {
            Form = editor.APIRequest.CreateFormData().Set("expected_version", "1").Set("name.en", "Forged").Set("reason", "forged").Set("step", "save"),
        });
        Assert.That(forged.Status, Is.EqualTo(400));
        var retire = await editor.APIRequest.PostAsync(new Uri(Web, "/admin/units/dhrr/retire").ToString(), new()
        {
            Form = editor.APIRequest.CreateFormData().Set("expected_version", "1").Set("reason", "forged"),
        });
        Assert.That(retire.Status, Is.EqualTo(400));
        Assert.That(await AuditOfAsync("dhrr"), Is.Empty);

        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
        var suggestion = await http.PostAsync(new Uri(Web, "/suggest"), new FormUrlEncodedContent(new Dictionary<string, string>
            { ["kind"] = "units", ["id"] = "dhrr", ["problem"] = "forged" }));
        Assert.That((int)suggestion.StatusCode, Is.EqualTo(400));
        await using var db = Server.Store.CreateContext();
        Assert.That(await db.Suggestions.CountAsync(s => s.Problem == "forged"), Is.Zero);
    }

    [Test]
    public async Task A_console_edit_works_with_the_keyboard_alone()
    {
        var page = await SignedInAsync(TestDirectory.Erin);
        await TabToAsync(page, "#find");
        await page.Keyboard.TypeAsync("Policy and Strategic Coordination");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/admin?q=**");
        await TabToAsync(page, "a[href='/admin/units/dhrr-policy-strategic-coordination?lang=en']");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex("/admin/units/dhrr-policy-strategic-coordination\\?lang=en$"));
        await TabToAsync(page, "#f-name-es");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("Coordinación (prueba de teclado)");
        await TabToAsync(page, "#edit-reason");
        await page.Keyboard.TypeAsync("TEST-26 keyboard");
        await TabToAsync(page, "button[value=preview]");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#preview")).ToContainTextAsync("Coordinación (prueba de teclado)");
        await TabToAsync(page, "button[value=save]");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#saved")).ToContainTextAsync("Saved: version 2");
    }

    /// <summary>A screenshot of the page from its top down to <paramref name="last"/> (the README's picture of the console).</summary>
    private static async Task ScreenshotDownToAsync(IPage page, ILocator last, string name)
    {
        var box = (await last.BoundingBoxAsync())!;
        var file = Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots", name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = file, FullPage = true, Clip = new Clip { X = 0, Y = 0, Width = page.ViewportSize!.Width, Height = box.Y + box.Height + 24 },
        });
        TestContext.AddTestAttachment(file, name);
    }
}
