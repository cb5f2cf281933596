using System.Net;
using System.Text.Json;
using IomDirectory.Server.Tests.Support;

namespace IomDirectory.Server.Tests.Integrations;

/// <summary>
/// What a plain HTTP client (an uptime probe, a REST tool) trips over: HEAD, no CORS unless configured, the same
/// language flag on every described record, and a start-up log that does not contradict --urls.
/// </summary>
[TestFixture]
public sealed class HttpMannersTests
{
    private RunningServer _server = null!;
    private HttpClient _http = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _server = await RunningServer.StartAsync();
        _http = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = _server.WebAddress };
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private static readonly string[] Compared = ["Content-Type", "Content-Encoding", "Content-Language", "Cache-Control", "Vary", "Content-Security-Policy", "ETag"];

    [TestCase("/")]
    [TestCase("/browse?lang=fr")]
    [TestCase("/units/pcca")]
    [TestCase("/units/no-such-unit")]
    [TestCase("/v1/units/pcca")]
    [TestCase("/v1/offices?pageSize=2")]
    [TestCase("/v1/units/no-such-unit")]
    [TestCase("/openapi.json")]
    [TestCase("/metrics")]
    [TestCase("/api")]
    public async Task Head_AnswersAsGetWould_WithoutABody(string path)
    {
        using var get = await SendAsync(HttpMethod.Get, path);
        using var head = await SendAsync(HttpMethod.Head, path);
        Assert.That(head.StatusCode, Is.EqualTo(get.StatusCode));
        foreach (var name in Compared)
            Assert.That(Header(head, name), Is.EqualTo(Header(get, name)), name);
        Assert.That(await head.Content.ReadAsByteArrayAsync(), Is.Empty);
        Assert.That((await get.Content.ReadAsByteArrayAsync()).Length, Is.GreaterThan(0));
    }

    [Test]
    public async Task Head_WhereGetDoesNotWork_IsNoSuccessEither()
    {
        using var get = await SendAsync(HttpMethod.Get, "/v1/contacts:suggest");
        using var head = await SendAsync(HttpMethod.Head, "/v1/contacts:suggest");
        Assert.That((int)head.StatusCode, Is.EqualTo((int)get.StatusCode).And.InRange(400, 499));
    }

    [Test]
    public async Task WithoutAllowedOrigins_NoOriginIsAllowed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/v1/contacts:suggest");
        request.Headers.Add("Origin", "http://localhost:1");
        request.Headers.Add("Access-Control-Request-Method", "POST");
        using var answer = await _http.SendAsync(request);
        Assert.That(answer.Headers.Contains("Access-Control-Allow-Origin"), Is.False);
    }

    [TestCase("/v1/units/pcca", "en")]
    [TestCase("/v1/units/pcca?language=fr", "en")]   // no French description: the English one, and it says so
    [TestCase("/v1/offices/hq-geneva?language=es", null)]
    public async Task EveryDescribedRecord_SaysItsDescriptionsLanguage(string path, string? expected)
    {
        using var json = JsonDocument.Parse(await _http.GetStringAsync(path));
        var root = json.RootElement;
        var language = root.GetProperty("descriptionLanguage").GetString();
        var description = root.GetProperty("description").GetString();
        Assert.That(language, description!.Length == 0 ? Is.Empty : Is.AnyOf("en", "fr", "es"));
        if (expected is not null) Assert.That(language, Is.EqualTo(expected));
    }

    [Test]
    public async Task FocalPointsAndCommittees_SayTheirDescriptionsLanguageToo()
    {
        foreach (var (path, list) in new[] { ("/v1/focal-points", "focalPoints"), ("/v1/committees", "committees") })
        {
            using var json = JsonDocument.Parse(await _http.GetStringAsync(path));
            foreach (var record in json.RootElement.GetProperty(list).EnumerateArray())
                Assert.That(record.TryGetProperty("descriptionLanguage", out _), Is.True, path);
        }
    }

    [Test]
    [Category("SqliteFile")]
    public async Task Urls_AreTakenWithoutAnOverridingWarning()
    {
        using var folder = new TempFolder();
        await using var server = await ServerProcess.StartWithWebAsync(folder.File("directory.db"));
        var listening = "Now listening on: " + server.WebAddress!.ToString().TrimEnd('/');
        for (var waited = 0; waited < 100 && !server.Output.Contains(listening, StringComparison.Ordinal); waited++)
            await Task.Delay(100);   // the host logs its addresses as it starts them
        Assert.That(server.Output, Does.Contain(listening));
        Assert.That(server.Output, Does.Not.Contain("Overriding address"));
    }

    [Test]
    [Category("SqliteFile")]
    public async Task AnAllowedOriginThatIsNoOrigin_StopsStartUp_NamingTheSetting()
    {
        using var folder = new TempFolder();
        var (exitCode, output) = await ServerProcess.RunUntilExitAsync(folder.File("directory.db"), TimeSpan.FromSeconds(60),
            "--Cors:AllowedOrigins", "https://helpdesk.example.org/widget");
        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(output, Does.Contain("--Cors:AllowedOrigins: 'https://helpdesk.example.org/widget' is not an origin"));
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Accept-Encoding", "br, gzip");
        return await _http.SendAsync(request);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(",", values) : null;
}
