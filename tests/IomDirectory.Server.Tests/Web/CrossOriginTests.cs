using System.Net;
using System.Net.Sockets;
using System.Text;
using IomDirectory.Server.Tests.Support;
using Microsoft.Playwright;

namespace IomDirectory.Server.Tests.Web;

/// <summary>
/// A helpdesk widget on another origin calls the server from Chromium: a page served by the test on
/// http://localhost:PORT (allowed by --Cors:AllowedOrigins) and the same page on http://127.0.0.1:PORT (another
/// origin, not allowed). Both are loopback, so the browser's local-network rules play no part: only CORS decides.
/// </summary>
[TestFixture]
public sealed class CrossOriginTests : BrowserFixture
{
    private WidgetHost _widget = null!;

    private string AllowedOrigin => $"http://localhost:{_widget.Port}";

    private string OtherOrigin => $"http://127.0.0.1:{_widget.Port}";

    protected override Task<string[]> ServerArgumentsAsync()
    {
        _widget = new WidgetHost();
        return Task.FromResult<string[]>(["--Cors:AllowedOrigins", $"https://unused.example.org;{AllowedOrigin}"]);
    }

    protected override Task ServerStoppedAsync()
    {
        _widget.Dispose();
        return Task.CompletedTask;
    }

    private const string SuggestScript = """
        async ([api, token]) => {
          try {
            const r = await fetch(api + 'v1/contacts:suggest', {
              method: 'POST',
              headers: { 'content-type': 'application/json', 'authorization': 'Bearer ' + token },
              body: JSON.stringify({ query: 'Who handles cash-based interventions?', maxResults: 3 }),
            });
            const answer = await r.json();
            return r.status + ' ' + answer.suggestions.map(s => s.email).join(',');
          } catch (e) {
            return 'refused: ' + e.message;
          }
        }
        """;

    [Test]
    public async Task AWidgetOnAnAllowedOrigin_PostsJsonWithABearerToken_AndGetsTheAnswer()
    {
        var page = await OpenAsync("");
        await page.GotoAsync(AllowedOrigin + "/widget");
        var outcome = await page.EvaluateAsync<string>(SuggestScript, new object[] { Web.ToString(), Server.Token("widget", "directory.reader") });
        Assert.That(outcome, Does.StartWith("200 ").And.Contain("cbisupport@iom.int"));
    }

    [Test]
    public async Task AWidgetOnAnAllowedOrigin_ReadsTheGrpcStatusOfAGrpcWebCall()
    {
        // GetUnit("no-such-unit") over gRPC-Web: a trailers-only answer, whose grpc-status and grpc-message are headers
        // the browser shows the script only because they are exposed.
        var page = await OpenAsync("");
        await page.GotoAsync(AllowedOrigin + "/widget");
        var outcome = await page.EvaluateAsync<string>("""
            async (api) => {
              const id = new TextEncoder().encode('no-such-unit');
              const frame = new Uint8Array([0, 0, 0, 0, id.length + 2, 0x0a, id.length, ...id]);
              const r = await fetch(api + 'iom.directory.v1.DirectoryService/GetUnit', {
                method: 'POST',
                headers: { 'content-type': 'application/grpc-web+proto', 'x-grpc-web': '1', 'x-user-agent': 'grpc-web-javascript/0.1', 'grpc-timeout': '5S' },
                body: frame,
              });
              const body = await r.arrayBuffer();   // a trailers-only answer: empty
              return r.status + ' ' + r.headers.get('grpc-status') + ' ' + body.byteLength + ' ' + decodeURIComponent(r.headers.get('grpc-message') || '');
            }
            """, Web.ToString());
        Assert.That(outcome, Does.StartWith("200 5 0 ").And.Contain("no-such-unit"));
    }

    [Test]
    public async Task AWidgetOnAnotherOrigin_IsRefusedByTheBrowser()
    {
        var page = await OpenAsync("");
        await page.GotoAsync(OtherOrigin + "/widget");
        var outcome = await page.EvaluateAsync<string>(SuggestScript, new object[] { Web.ToString(), Server.Token("widget", "directory.reader") });
        Assert.That(outcome, Does.StartWith("refused: "));
        // The browser reports the refusal (a console message naming CORS, a failed resource) as events that may
        // come after the script's answer: wait for both, and expect nothing else.
        var seen = new List<string>();
        for (var waited = 0; waited < 50 && !(seen.Any(p => p.Contains("CORS policy", StringComparison.Ordinal)) && seen.Any(p => p.Contains("ERR_FAILED", StringComparison.Ordinal))); waited++)
        {
            ForgetExpectedProblems(p =>
            {
                var expected = p.Contains("CORS policy", StringComparison.Ordinal) || p.Contains("ERR_FAILED", StringComparison.Ordinal) || p.Contains("contacts:suggest", StringComparison.Ordinal);
                if (expected) seen.Add(p);
                return expected;
            });
            await Task.Delay(100);
        }
        Assert.That(seen, Has.Some.Contains("has been blocked by CORS policy"), "the browser said why");
    }

    [Test]
    public async Task ThePreflight_AllowsWhatGrpcWebClientsSend_OnlyForTheAllowedOrigin()
    {
        using var http = new HttpClient();
        async Task<HttpResponseMessage> Preflight(string path, string origin)
        {
            using var request = new HttpRequestMessage(HttpMethod.Options, new Uri(Web, path));
            request.Headers.Add("Origin", origin);
            request.Headers.Add("Access-Control-Request-Method", "POST");
            request.Headers.Add("Access-Control-Request-Headers", "content-type,x-grpc-web,x-user-agent,grpc-timeout,authorization");
            return await http.SendAsync(request);
        }
        foreach (var path in new[] { "v1/contacts:suggest", "iom.directory.v1.DirectoryService/GetUnit" })
        {
            using var allowed = await Preflight(path, AllowedOrigin);
            Assert.That((int)allowed.StatusCode, Is.EqualTo(204), path);
            Assert.That(allowed.Headers.GetValues("Access-Control-Allow-Origin"), Is.EqualTo(new[] { AllowedOrigin }), path);
            Assert.That(string.Join(",", allowed.Headers.GetValues("Access-Control-Allow-Headers")).Split(','),
                Is.SupersetOf(new[] { "content-type", "x-grpc-web", "x-user-agent", "grpc-timeout", "authorization" }), path);
            using var other = await Preflight(path, OtherOrigin);
            Assert.That(other.Headers.Contains("Access-Control-Allow-Origin"), Is.False, path);
        }
        using var get = new HttpRequestMessage(HttpMethod.Get, new Uri(Web, "v1/units/pcca"));
        get.Headers.Add("Origin", AllowedOrigin);
        using var answer = await http.SendAsync(get);
        Assert.That(string.Join(",", answer.Headers.GetValues("Access-Control-Expose-Headers")).Split(','),
            Is.SupersetOf(new[] { "grpc-status", "grpc-message", "grpc-status-details-bin" }));
        using var page = new HttpRequestMessage(HttpMethod.Get, new Uri(Web, "browse"));
        page.Headers.Add("Origin", AllowedOrigin);
        using var pageAnswer = await http.SendAsync(page);
        Assert.That(pageAnswer.Headers.Contains("Access-Control-Allow-Origin"), Is.False, "pages never answer another origin");
    }

    /// <summary>The widget's own origin: a blank page on a loopback port, by either of its two names.</summary>
    private sealed class WidgetHost : IDisposable
    {
        private readonly HttpListener _listener = new();

        public WidgetHost()
        {
            using (var probe = new TcpListener(IPAddress.Loopback, 0))
            {
                probe.Start();
                Port = ((IPEndPoint)probe.LocalEndpoint).Port;
            }
            _listener.Prefixes.Add($"http://localhost:{Port}/");
            _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
            _listener.Start();
            _ = ServeAsync();
        }

        public int Port { get; }

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try { context = await _listener.GetContextAsync(); }
                catch (Exception) { return; }
                var body = Encoding.UTF8.GetBytes("<!doctype html><html lang=en><title>Helpdesk widget</title><h1>Helpdesk widget</h1></html>");
                context.Response.ContentType = "text/html; charset=utf-8";
                context.Response.ContentLength64 = body.Length;
                await context.Response.OutputStream.WriteAsync(body);
                context.Response.Close();
            }
        }

        public void Dispose() => _listener.Close();
    }
}
