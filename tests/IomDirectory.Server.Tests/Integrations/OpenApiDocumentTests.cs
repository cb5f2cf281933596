using System.Net;
using System.Text.Json;
using Google.Api;
using IomDirectory.Server.Tests.Support;

namespace IomDirectory.Server.Tests.Integrations;

/// <summary>
/// /openapi.json on the real server: the checked-in copy (docs/openapi.json) is what the server serves, an
/// independent validator (@apidevtools/swagger-parser, from tests/openapi) accepts it, and it describes every
/// google.api.http route of the protos, their error body and the bearer scheme.
/// </summary>
[TestFixture]
public sealed class OpenApiDocumentTests
{
    private static readonly string ValidatorFolder = Path.Combine(RepositoryPaths.Root, "tests", "openapi");
    private RunningServer _server = null!;
    private HttpClient _http = null!;
    private string _served = "";

    [OneTimeSetUp]
    public async Task Start()
    {
        _server = await RunningServer.StartAsync();
        _http = new HttpClient { BaseAddress = _server.WebAddress };
        _served = await _http.GetStringAsync("/openapi.json");
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Test]
    public void TheServedDocument_IsTheCheckedInOne()
    {
        var checkedIn = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "openapi.json"));
        Assert.That(_served.ReplaceLineEndings(), Is.EqualTo(checkedIn.ReplaceLineEndings()),
            "The API changed: copy the server's /openapi.json to docs/openapi.json, then run bash scripts/openapi-client.sh");
    }

    [Test]
    public async Task TheDocument_IsValidOpenApi3_ForAnIndependentValidator()
    {
        using var folder = new TempFolder();
        var file = folder.File("openapi.json");
        await File.WriteAllTextAsync(file, _served);
        var outcome = await ValidateAsync(file);
        Assert.That(outcome.Succeeded, Is.True, outcome.Describe("node tests/openapi/validate.js"));
        Assert.That(outcome.Output, Does.StartWith("valid: IOM Directory 3.0.1"));
    }

    [Test]
    public async Task TheValidator_RefusesADocumentWithADanglingReference()
    {
        // The same document with one schema removed: proves the check above can fail.
        var broken = System.Text.Json.Nodes.JsonNode.Parse(_served)!;
        broken["components"]!["schemas"]!.AsObject().Remove("Unit");
        using var folder = new TempFolder();
        var file = folder.File("broken.json");
        await File.WriteAllTextAsync(file, broken.ToJsonString());
        var outcome = await ValidateAsync(file);
        Assert.That(outcome.Succeeded, Is.False, outcome.Output);
        Assert.That(outcome.Output, Does.Contain("#/components/schemas/Unit"));
    }

    [Test]
    public void EveryHttpRuleOfTheProtos_IsAnOperation_AndNothingElse()
    {
        var expected = new[] { Contracts.V1.DirectoryService.Descriptor, Contracts.V1.RoutingService.Descriptor }
            .SelectMany(s => s.Methods)
            .Select(m => m.GetOptions()?.GetExtension(AnnotationsExtensions.Http))
            .Where(rule => rule is not null)
            .Select(rule => rule!.PatternCase == HttpRule.PatternOneofCase.Get ? $"get {rule.Get}" : $"post {rule.Post}")
            .ToList();
        using var document = JsonDocument.Parse(_served);
        var described = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => $"{op.Name} {path.Name}"))
            .ToList();
        Assert.That(expected, Has.Count.GreaterThanOrEqualTo(12));
        Assert.That(described, Is.EquivalentTo(expected));
    }

    [Test]
    public void EveryOperation_DescribesTheErrorBody_AndTheOptionalBearerToken()
    {
        using var document = JsonDocument.Parse(_served);
        var root = document.RootElement;
        var bearer = root.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer");
        Assert.That(bearer.GetProperty("type").GetString(), Is.EqualTo("http"));
        Assert.That(bearer.GetProperty("scheme").GetString(), Is.EqualTo("bearer"));
        var status = root.GetProperty("components").GetProperty("schemas").GetProperty("Status").GetProperty("properties");
        Assert.That(status.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "code", "message", "details" }));
        foreach (var path in root.GetProperty("paths").EnumerateObject())
        foreach (var operation in path.Value.EnumerateObject())
        {
            var op = operation.Value;
            var error = op.GetProperty("responses").GetProperty("default").GetProperty("content").GetProperty("application/json").GetProperty("schema");
            Assert.That(error.GetProperty("$ref").GetString(), Is.EqualTo("#/components/schemas/Status"), path.Name);
            var security = op.GetProperty("security").EnumerateArray().Select(r => string.Join(",", r.EnumerateObject().Select(p => p.Name))).ToList();
            Assert.That(security, Is.EqualTo(new[] { "", "bearer" }), path.Name);
            Assert.That(op.GetProperty("summary").GetString(), Is.Not.Empty, $"{path.Name}: the proto comment");
        }
    }

    [Test]
    public void FieldDescriptions_ComeFromTheProtoComments()
    {
        using var document = JsonDocument.Parse(_served);
        var query = document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("SuggestContactsRequest")
            .GetProperty("properties").GetProperty("query");
        Assert.That(query.GetProperty("description").GetString(), Is.EqualTo("free text, 1..2000 characters"));
        var kind = document.RootElement.GetProperty("paths").GetProperty("/v1/{kind}/{id}/history").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().Single(p => p.GetProperty("name").GetString() == "kind");
        Assert.That(kind.GetProperty("description").GetString(), Does.Contain("\"focal-points\""), "a path parameter's comment");
    }

    [Test]
    public async Task TheGrpcEndpoint_DoesNotServeTheDocument()
    {
        using var raw = new HttpClient(new SocketsHttpHandler()) { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        using var response = await raw.GetAsync(new Uri(_server.Address, "/openapi.json"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    private static async Task<ProcessOutcome> ValidateAsync(string file)
    {
        Assert.That(File.Exists(Path.Combine(ValidatorFolder, "node_modules", "@apidevtools", "swagger-parser", "package.json")), Is.True,
            "Run `bash scripts/test.sh` once: it installs the OpenAPI validator (npm ci in tests/openapi).");
        return await ExternalProcess.RunAsync("node", [Path.Combine(ValidatorFolder, "validate.js"), file], TimeSpan.FromSeconds(60));
    }
}
