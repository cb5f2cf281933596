using System.Globalization;
using IomDirectory.Server.Tests.Admin;
using IomDirectory.Server.Tests.Support;
using IomDirectory.TestIdentityProvider;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IomDirectory.Server.Tests.Web;

/// <summary>
/// The console's webhook subscribers page in headless Chromium, signed in through the test provider, against a server
/// with fast webhook settings (loopback http allowed) and a receiver started by the test that checks signatures itself.
/// </summary>
[TestFixture]
public sealed class AdminWebhookConsoleTests : SignInBrowserFixture
{
    private WebhookReceiver _receiver = null!;

    protected override string[] MoreServerArguments => WebhookFixture.FastWebhooks;

    [OneTimeSetUp]
    public async Task StartReceiver() => _receiver = await WebhookReceiver.StartAsync();

    [OneTimeTearDown]
    public async Task StopReceiver() => await _receiver.DisposeAsync();

    private static async Task<string> RegisterAsync(IPage page, string url, string description)
    {
        await page.GetByLabel("URL (on a host the operator allows)").FillAsync(url);
        await page.GetByLabel("unit", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Description (who receives it, why)").FillAsync(description);
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Expect(page.Locator("#secret")).ToContainTextAsync("whsec_");
        return (await page.Locator("#secret").TextContentAsync())!;
    }

    private static async Task EditUnitAsync(IPage page, string unit, string frenchName)
    {
        await page.GotoAsync(new Uri(new Uri(page.Url), "/admin/units/" + unit).ToString());
        await page.GetByLabel("Name (French)", new() { Exact = true }).FillAsync(frenchName);
        await page.GetByLabel("Reason (a ticket, what changed)").First.FillAsync("TEST-29 a change for the subscribers");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.Locator("#saved")).ToContainTextAsync("Saved: version");
    }

    [Test]
    public async Task An_admin_registers_a_subscriber_sees_its_secret_once_and_sees_an_edit_delivered_signed_with_it()
    {
        var page = await SignedInAsync(TestDirectory.Ada);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Console" }).GetByRole(AriaRole.Link, new() { Name = "Webhooks" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Webhook subscribers");
        var secret = await RegisterAsync(page, _receiver.Url("console"), "helpdesk test");
        var id = (await page.GetByRole(AriaRole.Heading, new() { Name = "Registered" }).GetByRole(AriaRole.Link).TextContentAsync())!;
        var listed = page.GetByRole(AriaRole.Table, new() { Name = "Subscribers" });
        await Expect(listed).ToContainTextAsync(id);
        await Expect(listed).ToContainTextAsync("helpdesk test");
        await ScreenshotAsync(page, "console-webhook-registered");
        await AccessibilityAudit.AssertNoSeriousViolationsAsync(page, "console webhooks with a new secret");

        await page.GotoAsync(new Uri(Web, "/admin/webhooks").ToString());
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Subscribers" })).ToContainTextAsync(id);
        Assert.That(await page.ContentAsync(), Does.Not.Contain(secret), "the secret is shown once");

        await EditUnitAsync(page, "dhrr-humanitarian-policy", "Politique humanitaire (webhook)");
        var received = (await _receiver.WaitForAsync("console", 1)).Single();
        Assert.Multiple(() =>
        {
            Assert.That(received.SignedWith(secret), Is.True, "signed with the secret the page showed");
            Assert.That(received.Body, Does.Contain("Politique humanitaire (webhook)"));
        });

        await page.GotoAsync(new Uri(Web, "/admin/webhooks/" + id).ToString());
        Assert.That(await page.ContentAsync(), Does.Not.Contain(secret));
        var sequence = received.Sequence.ToString(CultureInfo.InvariantCulture);
        await Eventually.That(async () =>
        {
            await page.ReloadAsync();
            return await page.Locator("#delivered").TextContentAsync() == sequence;
        }, "the page shows the change delivered");
        await Expect(page.Locator("#state")).ToHaveTextAsync("enabled");
        var deliveries = page.GetByRole(AriaRole.Table, new() { Name = "Latest deliveries" });
        await Expect(deliveries.GetByRole(AriaRole.Row).Filter(new() { HasText = "delivered" })).ToContainTextAsync(sequence);
        await AccessibilityAudit.AssertNoSeriousViolationsAsync(page, "console webhook deliveries");

        await page.GetByRole(AriaRole.Button, new() { Name = "Delete " + id }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Deleted " + id })).ToBeVisibleAsync();
        await Expect(page.Locator("#subscribers")).Not.ToContainTextAsync(id);
        await using var db = Server.Store.CreateContext();
        Assert.That(await db.WebhookSubscriptions.CountAsync(w => w.Id == id), Is.Zero);
    }

    [Test]
    public async Task A_failing_subscriber_shows_its_error_and_enabling_it_delivers_once_the_receiver_is_up()
    {
        var page = await SignedInAsync(TestDirectory.Ada, "/admin/webhooks");
        _receiver.Down = true;
        try
        {
            await RegisterAsync(page, _receiver.Url("down"), "");
            var id = (await page.GetByRole(AriaRole.Heading, new() { Name = "Registered" }).GetByRole(AriaRole.Link).TextContentAsync())!;
            await EditUnitAsync(page, "dhrr-sg-action-agenda", "Programme d’action (webhook)");
            await page.GotoAsync(new Uri(Web, "/admin/webhooks/" + id).ToString());
            await Eventually.That(async () =>
            {
                await page.ReloadAsync();
                return await page.Locator("#state").TextContentAsync() == "failing";
            }, "the page shows the subscriber failing");
            await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Latest deliveries" })).ToContainTextAsync("503");
            _receiver.Down = false;
            await page.GetByRole(AriaRole.Button, new() { Name = "Enable (forget its failures, retry now)" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Enabled" })).ToBeVisibleAsync();
            Assert.That((await _receiver.WaitForAsync("down", 1)).Single().Body, Does.Contain("Programme d’action (webhook)"));
        }
        finally
        {
            _receiver.Down = false;
        }
    }

    [Test]
    public async Task A_url_outside_the_allow_list_is_refused_beside_the_url_field_and_nothing_is_registered()
    {
        var page = await SignedInAsync(TestDirectory.Ada, "/admin/webhooks");
        await page.GetByLabel("URL (on a host the operator allows)").FillAsync("http://10.0.0.1/hooks/internal");
        await page.GetByLabel("Description (who receives it, why)").FillAsync("kept as typed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();

        var url = page.GetByLabel("URL (on a host the operator allows)");
        await Expect(url).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(url).ToHaveAttributeAsync("aria-describedby", "wh-url-error");
        await Expect(page.Locator("#wh-url-error")).ToContainTextAsync("the host '10.0.0.1' is not among the hosts the operator allows");
        await Expect(page.GetByLabel("Description (who receives it, why)")).ToHaveValueAsync("kept as typed");
        await Expect(page.Locator("#secret")).ToHaveCountAsync(0);
        await using var db = Server.Store.CreateContext();
        Assert.That(await db.WebhookSubscriptions.CountAsync(w => w.Url.Contains("10.0.0.1")), Is.Zero);
    }

    [Test]
    public async Task An_editor_has_no_webhooks_link_and_cannot_open_or_post_to_the_page()
    {
        var editor = await SignedInAsync(TestDirectory.Erin);
        await Expect(editor.GetByRole(AriaRole.Heading, new() { Name = "Admin console" })).ToBeVisibleAsync();
        await Expect(editor.GetByRole(AriaRole.Navigation, new() { Name = "Console" }).GetByRole(AriaRole.Link, new() { Name = "Webhooks" })).ToHaveCountAsync(0);
        var response = await editor.APIRequest.GetAsync(new Uri(Web, "/admin/webhooks").ToString());
        Assert.That(response.Status, Is.EqualTo(403));
        Assert.That(await response.TextAsync(), Does.Contain("directory.admin").And.Not.Contain("Register a subscriber"));
        var post = await editor.APIRequest.PostAsync(new Uri(Web, "/admin/webhooks").ToString(), new()
        {
            Form = editor.APIRequest.CreateFormData().Set("url", _receiver.Url("editor")),
        });
        Assert.That(post.Status, Is.EqualTo(403));
        await using var db = Server.Store.CreateContext();
        Assert.That(await db.WebhookSubscriptions.CountAsync(w => w.Url.Contains("/editor")), Is.Zero);
    }
}
