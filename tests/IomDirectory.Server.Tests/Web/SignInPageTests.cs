using System.Net;
using IomDirectory.Server.Tests.Support;
using IomDirectory.TestIdentityProvider;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IomDirectory.Server.Tests.Web;

/// <summary>
/// A person signs in on the web pages through the test provider's own login form (authorization code with PKCE),
/// in headless Chromium against the real server, sees their name and role, and signs out.
/// </summary>
[TestFixture]
public sealed class SignInPageTests : SignInBrowserFixture
{
    [Test]
    public async Task A_person_signs_in_at_the_provider_sees_their_name_and_role_and_signs_out()
    {
        var page = await OpenAsync("/browse?lang=en");
        Assert.That(await page.Context.CookiesAsync(), Has.None.Matches<BrowserContextCookiesResult>(c => c.Name == "iomdir-session"));

        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(Provider.Authority + "login**");
        await page.GetByLabel("Username").FillAsync(TestDirectory.Erin.UserName);
        await page.GetByLabel("Password").FillAsync(TestDirectory.Erin.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await page.WaitForURLAsync(new Uri(Web, "/browse").ToString() + "**");
        await Expect(page.Locator("#signed-in-as")).ToHaveTextAsync("Signed in as Erin Editor");
        await Expect(page.Locator("#signed-in-role")).ToHaveTextAsync("(editor)");
        var session = (await page.Context.CookiesAsync()).Single(c => c.Name == "iomdir-session");
        Assert.Multiple(() =>
        {
            Assert.That(session.HttpOnly, Is.True);
            Assert.That(session.SameSite, Is.EqualTo(SameSiteAttribute.Lax));
            Assert.That(session.Secure, Is.False, "plain http on loopback; Secure whenever the request came over TLS");
        });
        await ScreenshotAsync(page, "signed-in");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await Expect(page.Locator("#signed-in-as")).ToHaveCountAsync(0);
        Assert.That(await page.Context.CookiesAsync(), Has.None.Matches<BrowserContextCookiesResult>(c => c.Name == "iomdir-session"));
        Assert.That(page.Url, Does.Contain("/browse"), "back on the page signed out from");
    }

    [Test]
    public async Task Signing_out_without_the_form_token_is_refused_and_the_session_stays()
    {
        var page = await OpenAsync("/ask?lang=en");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByLabel("Username").FillAsync(TestDirectory.Rita.UserName);
        await page.GetByLabel("Password").FillAsync(TestDirectory.Rita.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator("#signed-in-role")).ToHaveTextAsync("(reader)");

        // A cross-site form would carry the cookie (if SameSite let it) but not the token.
        var forged = await page.APIRequest.PostAsync(new Uri(Web, "/signout").ToString(), new() { Form = page.APIRequest.CreateFormData().Set("returnUrl", "/") });
        Assert.That(forged.Status, Is.EqualTo(400));
        await page.ReloadAsync();
        await Expect(page.Locator("#signed-in-as")).ToHaveTextAsync("Signed in as Rita Reader");
    }

    [Test]
    public async Task Anonymous_pages_set_no_cookie_and_keep_their_caching()
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false });
        var response = await http.GetAsync(new Uri(Web, "/browse?lang=en"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Headers.Contains("Set-Cookie"), Is.False, "reading needs no session and gets none");
        Assert.That(response.Headers.CacheControl is { Private: true, NoCache: true, NoStore: false }, Is.True, response.Headers.CacheControl?.ToString());
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("href=\"/signin?returnUrl="));
    }
}
