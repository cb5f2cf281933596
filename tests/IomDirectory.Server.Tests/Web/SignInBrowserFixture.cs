using IomDirectory.Server.Tests.Support;
using IomDirectory.TestIdentityProvider;
using Microsoft.EntityFrameworkCore;
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
    protected async Task<IPage> SignedInAsync(TestUser user, string path = "/admin", string? acceptLanguage = null)
    {
        var page = await OpenAsync("/ask?lang=en", acceptLanguage);
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByLabel("Username").FillAsync(user.UserName);
        await page.GetByLabel("Password").FillAsync(user.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator("#signed-in-as")).ToHaveTextAsync("Signed in as " + user.DisplayName);
        await page.GotoAsync(new Uri(Web, path).ToString());
        return page;
    }

    /// <summary>The audit trail of one record, oldest first, read from the server's own database.</summary>
    protected async Task<List<Domain.AuditEventRecord>> AuditOfAsync(string id)
    {
        await using var db = Server.Store.CreateContext();
        return await db.AuditEvents.AsNoTracking().Where(a => a.EntityId == id).OrderBy(a => a.Sequence).ToListAsync();
    }

    /// <summary>Presses Tab until the element matching <paramref name="selector"/> has the focus (at most 200 presses).</summary>
    protected static async Task TabToAsync(IPage page, string selector)
    {
        for (var i = 0; i < 200; i++)
        {
            if (await page.EvaluateAsync<bool>("s => document.activeElement && document.activeElement.matches(s)", selector)) return;
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Fail($"Tab never reached {selector}");
    }
}
