using IomDirectory.Server.Tests.Support;
using Microsoft.Playwright;

namespace IomDirectory.Server.Tests.Web;

/// <summary>
/// One real server (real SQLite file, real sockets) per fixture, and the run's one headless Debian Chromium
/// (<see cref="SharedBrowser"/>) for the browser tests. Every page a test opens records console errors and failed
/// requests; a test fails if its page logged any.
/// </summary>
public abstract class BrowserFixture
{
    public const string ChromiumPath = SharedBrowser.ChromiumPath;
    private RunningServer _server = null!;
    private IBrowser _browser = null!;
    private readonly List<IBrowserContext> _contexts = [];
    private readonly List<string> _problems = [];

    protected Uri Web => _server.WebAddress!;

    protected RunningServer Server => _server;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        Assert.That(File.Exists(ChromiumPath), Is.True, "Debian's chromium is needed (scripts/test.sh installs it)");
        _server = await RunningServer.StartAsync(await ServerArgumentsAsync());
        await ServerStartedAsync(_server);
        _browser = await SharedBrowser.GetAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        foreach (var context in _contexts) await context.CloseAsync();
        _contexts.Clear();
        await _server.DisposeAsync();
        await ServerStoppedAsync();
    }

    /// <summary>Settings for the server (a fixture that signs people in points it at its provider).</summary>
    protected virtual Task<string[]> ServerArgumentsAsync() => Task.FromResult<string[]>([]);

    protected virtual Task ServerStartedAsync(RunningServer server) => Task.CompletedTask;

    protected virtual Task ServerStoppedAsync() => Task.CompletedTask;

    protected async Task<IPage> OpenAsync(string path, string? acceptLanguage = null, int width = 1000, int height = 900, ColorScheme? colorScheme = null)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = acceptLanguage?.Split(',')[0] ?? "en-GB",
            ExtraHTTPHeaders = acceptLanguage is null ? null : new Dictionary<string, string> { ["Accept-Language"] = acceptLanguage },
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ColorScheme = colorScheme ?? ColorScheme.Light,
        });
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        page.Console += (_, message) => { if (message.Type == "error") lock (_problems) _problems.Add($"console: {message.Text}"); };
        page.PageError += (_, error) => { lock (_problems) _problems.Add($"page error: {error}"); };
        page.RequestFailed += (_, request) => { lock (_problems) _problems.Add($"request failed: {request.Url}"); };
        if (path.Length > 0) await page.GotoAsync(new Uri(Web, path).ToString());
        return page;
    }

    /// <summary>A full-page screenshot kept as a test artifact (TestResults/screenshots), for people to look at.</summary>
    protected static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        TestContext.AddTestAttachment(file, name);
    }

    /// <summary>Forgets the problems a test expected (a request the browser was meant to refuse); returns how many.</summary>
    protected int ForgetExpectedProblems(Func<string, bool> expected)
    {
        lock (_problems) return _problems.RemoveAll(p => expected(p));
    }

    /// <summary>Forgets what the pages logged so far that contains <paramref name="expected"/>: a test that opens an error page on purpose expects its status in the console.</summary>
    protected void ForgetExpectedProblems(string expected)
    {
        ForgetExpectedProblems(p => p.Contains(expected, StringComparison.Ordinal));
    }

    [TearDown]
    public void NoConsoleErrors()
    {
        List<string> seen;
        lock (_problems) { seen = [.. _problems]; _problems.Clear(); }
        Assert.That(seen, Is.Empty, "the pages logged errors");
    }
}
