using IomDirectory.Server.Tests.Support;
using IomDirectory.TestIdentityProvider;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IomDirectory.Server.Tests.Web;

/// <summary>A browser fixture whose server trusts its own test provider, so people sign in through the provider's login form.</summary>
public abstract class SignInBrowserFixture : BrowserFixture
{
    protected OidcTestProvider Provider { get; private set; } = null!;

    /// <summary>Settings added to the provider's (bounds a fixture wants to test, say).</summary>
    protected virtual string[] MoreServerArguments => [];

    protected override async Task<string[]> ServerArgumentsAsync()
    {
        Provider = await OidcTestProvider.StartAsync();
        await SignInServer.WarmAsync(Provider);
        return [.. SignInServer.Settings(Provider), .. MoreServerArguments];
    }

    protected override Task ServerStartedAsync(RunningServer server) => Provider.AllowRedirectAsync(new Uri(server.WebAddress!, "/signin-oidc"));

    protected override async Task ServerStoppedAsync() => await Provider.DisposeAsync();

    /// <summary>Opens <paramref name="path"/> signed in as <paramref name="user"/> (the console sends anonymous people to sign in).</summary>
    protected async Task<IPage> SignedInAsync(TestUser user, string path = "/admin")
    {
        var page = await OpenAsync("/ask?lang=en");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByLabel("Username").FillAsync(user.UserName);
        await page.GetByLabel("Password").FillAsync(user.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator("#signed-in-as")).ToHaveTextAsync("Signed in as " + user.DisplayName);
        await page.GotoAsync(new Uri(Web, path).ToString());
        return page;
    }
}
