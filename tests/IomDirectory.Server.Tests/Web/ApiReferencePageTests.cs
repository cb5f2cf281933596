using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IomDirectory.Server.Tests.Web;

/// <summary>/api: the OpenAPI document as a page, read in Chromium under the pages' strict CSP, without script.</summary>
[TestFixture]
public sealed class ApiReferencePageTests : BrowserFixture
{
    [Test]
    public async Task TheReference_ListsEveryRouteAndMessage_AndLinksTheDocument()
    {
        var page = await OpenAsync("api");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "IOM Directory: HTTP/JSON API", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "POST /v1/contacts:suggest (SuggestContacts)" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "GET /v1/units/{id} (GetUnit)" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Status", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "/openapi.json" })).ToHaveAttributeAsync("href", "/openapi.json");
        await Expect(page.Locator("code", new() { HasText = "UNIT_KIND_DIVISION" })).ToBeVisibleAsync();
        Assert.That(await page.Locator("script").CountAsync(), Is.Zero);
        await AccessibilityAudit.AssertNoSeriousViolationsAsync(page, "/api");
        await ScreenshotAsync(page, "api-reference");
    }

    [Test]
    public async Task TheReference_HasThePagesStrictPolicy()
    {
        using var http = new HttpClient();
        using var answer = await http.GetAsync(new Uri(Web, "api"));
        Assert.That(answer.Headers.GetValues("Content-Security-Policy").Single(), Does.StartWith("default-src 'none'; style-src 'self'"));
        Assert.That(answer.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/html"));
    }
}
