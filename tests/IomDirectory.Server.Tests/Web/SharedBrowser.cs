using Microsoft.Playwright;

namespace IomDirectory.Server.Tests.Web;

/// <summary>
/// One Playwright driver and one headless Debian Chromium for every browser test of the run: starting them costs about
/// a second each time. Fixtures and tests each work in browser contexts of their own (cookies, storage, viewport,
/// colour scheme), closed when the fixture ends, so they see nothing of each other.
/// </summary>
public static class SharedBrowser
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly Lazy<Task<(IPlaywright Playwright, IBrowser Browser)>> Launched = new(LaunchAsync);

    public static async Task<IBrowser> GetAsync() => (await Launched.Value).Browser;

    public static async Task DisposeAsync()
    {
        if (!Launched.IsValueCreated) return;
        var (playwright, browser) = await Launched.Value;
        await browser.DisposeAsync();
        playwright.Dispose();
    }

    private static async Task<(IPlaywright, IBrowser)> LaunchAsync()
    {
        var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true });
        return (playwright, browser);
    }
}
