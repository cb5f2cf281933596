using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using IomDirectory.Server.Tests.Support;

namespace IomDirectory.Server.Tests.Conformance;

/// <summary>
/// The HTTP/JSON routes (JSON transcoding of the google.api.http annotations) over plain HTTP/1.1, as a REST-only
/// helpdesk tool or curl calls them: camelCase JSON in and out, as_of and language as query parameters, and errors
/// as an HTTP status with a google.rpc.Status JSON body.
/// </summary>
[TestFixture]
public sealed class HttpJsonTests
{
    private RunningServer _server = null!;
    private HttpClient _http = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _server = await RunningServer.StartAsync();
        _http = new HttpClient
        {
            BaseAddress = _server.WebAddress,
            DefaultRequestVersion = HttpVersion.Version11,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private async Task<(HttpStatusCode Status, JsonElement Body, Version Version)> GetAsync(string path)
    {
        using var response = await _http.GetAsync(path);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"), path);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone(), response.Version);
    }

    [Test]
    public async Task GetUnit_IsJsonOverHttp11()
    {
        var (status, body, version) = await GetAsync("/v1/units/pcca");
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(version, Is.EqualTo(HttpVersion.Version11));
        Assert.That(body.GetProperty("id").GetString(), Is.EqualTo("pcca"));
        Assert.That(body.GetProperty("parentUnitId").GetString(), Is.EqualTo("dhrr"), "camelCase names");
    }

    [Test]
    public async Task GetUnit_TakesLanguageAsAQueryParameter()
    {
        var (_, body, _) = await GetAsync("/v1/units/pcca?language=fr");
        Assert.That(body.GetProperty("name").GetString(), Does.StartWith("Division de la préparation"));
    }

    [Test]
    public async Task GetOffice_ReturnsTheOffice()
    {
        var (status, body, _) = await GetAsync("/v1/offices/ro-cairo");
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body.GetProperty("id").GetString(), Is.EqualTo("ro-cairo"));
    }

    [Test]
    public async Task ResolveCountry_AsOfBeforeTheRestructuring_TakesAsOfAsAQueryParameter()
    {
        var (_, now, _) = await GetAsync("/v1/countries/AR");
        var (_, then, _) = await GetAsync("/v1/countries/AR?asOf=2023-06-01T00:00:00Z");
        Assert.That(now.GetProperty("regionalOffice").GetProperty("id").GetString(), Is.Not.EqualTo(then.GetProperty("regionalOffice").GetProperty("id").GetString()));
        Assert.That(then.GetProperty("regionalOffice").GetProperty("id").GetString(), Does.Contain("buenos-aires"));
    }

    [Test]
    public async Task Search_TakesTheQueryFromTheQueryString()
    {
        var (status, body, _) = await GetAsync("/v1/search?query=" + Uri.EscapeDataString("trésorerie") + "&pageSize=3");
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body.GetProperty("hits").GetArrayLength(), Is.InRange(1, 3));
    }

    [Test]
    public async Task SuggestContacts_TakesTheRequestAsJsonInTheBody()
    {
        using var content = new StringContent("""{"query":"Who handles cash-based interventions?","askerCountry":"KE","maxResults":3}""", Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync("/v1/contacts:suggest", content);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var suggestions = body.GetProperty("suggestions");
        Assert.That(suggestions.GetArrayLength(), Is.InRange(1, 3));
        Assert.That(suggestions.EnumerateArray().Select(s => s.GetProperty("email").GetString()), Does.Contain("cbisupport@iom.int"));
    }

    [Test]
    public async Task UnknownUnit_Is404_WithAGoogleRpcStatusBody()
    {
        var (status, body, _) = await GetAsync("/v1/units/no-such-unit");
        Assert.That(status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(body.GetProperty("code").GetInt32(), Is.EqualTo(5));
        Assert.That(body.GetProperty("message").GetString(), Does.Contain("no-such-unit"));
    }

    [Test]
    public async Task InvalidRequest_Is400_WithTheFieldViolationsInTheDetails()
    {
        var (status, body, _) = await GetAsync("/v1/search?query=");
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body.GetProperty("code").GetInt32(), Is.EqualTo(3));
        var detail = body.GetProperty("details")[0];
        Assert.That(detail.GetProperty("@type").GetString(), Is.EqualTo("type.googleapis.com/google.rpc.BadRequest"));
        Assert.That(detail.GetProperty("fieldViolations")[0].GetProperty("field").GetString(), Is.EqualTo("query"));
    }

    [Test]
    public async Task MalformedJsonBody_Is400()
    {
        using var content = new StringContent("{\"query\": ", Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync("/v1/contacts:suggest", content);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task TheGrpcEndpoint_DoesNotSpeakHttp11()
    {
        using var http = new HttpClient { BaseAddress = _server.Address, DefaultRequestVersion = HttpVersion.Version11, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        Assert.That(async () => { using var r = await http.GetAsync("/v1/units/pcca"); r.EnsureSuccessStatusCode(); }, Throws.InstanceOf<HttpRequestException>());
    }
}
