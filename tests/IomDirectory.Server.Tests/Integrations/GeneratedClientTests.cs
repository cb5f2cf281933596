using IomDirectory.OpenApiClient;
using IomDirectory.OpenApiClient.Models;
using IomDirectory.Server.Tests.Support;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace IomDirectory.Server.Tests.Integrations;

/// <summary>
/// The client Kiota generates from docs/openapi.json (tests/IomDirectory.OpenApiClient, made by
/// scripts/openapi-client.sh) against the real server: it is what Kiota makes of the document today, and its calls
/// are answered — as an integrator's generated client would be.
/// </summary>
[TestFixture]
public sealed class GeneratedClientTests
{
    private RunningServer _server = null!;
    private HttpClient _http = null!;
    private DirectoryClient _client = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _server = await RunningServer.StartAsync();
        _http = new HttpClient();
        var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: _http)
        {
            BaseUrl = _server.WebAddress!.ToString().TrimEnd('/'),
        };
        _client = new DirectoryClient(adapter);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Test]
    public async Task SuggestContacts_IsAnswered()
    {
        var answer = await _client.V1.ContactsSuggest.PostAsync(new SuggestContactsRequest
        {
            Query = "Who handles cash-based interventions?",
            AskerCountry = "KE",
            MaxResults = 3,
        });
        Assert.That(answer, Is.Not.Null);
        Assert.That(answer!.Suggestions, Is.Not.Empty.And.Count.LessThanOrEqualTo(3));
        Assert.That(answer.Suggestions!.Select(s => s.Email), Does.Contain("cbisupport@iom.int"));
        Assert.That(answer.DetectedLanguage, Is.EqualTo("en"));
    }

    [Test]
    public async Task GetUnit_InFrench_IsAnswered_WithItsKindAsTheDocumentedEnum()
    {
        var unit = await _client.V1.Units["pcca"].GetAsync(c => c.QueryParameters.Language = "fr");
        Assert.That(unit!.Id, Is.EqualTo("pcca"));
        Assert.That(unit.Kind, Is.EqualTo(UnitKind.UNIT_KIND_DIVISION));
        Assert.That(unit.Names!.En, Is.Not.Empty);
    }

    [Test]
    public void AnUnknownUnit_IsA404_WithTheDescribedErrorBody()
    {
        // The document's "default" response (google.rpc.Status) becomes the client's error type.
        var error = Assert.ThrowsAsync<Status>(() => _client.V1.Units["no-such-unit"].GetAsync());
        Assert.That(error!.ResponseStatusCode, Is.EqualTo(404));
        Assert.That(error.Code, Is.EqualTo(5));   // NOT_FOUND
        Assert.That(error.MessageEscaped, Does.Contain("no-such-unit"));
    }

    [Test]
    public async Task Regenerating_FromTheCheckedInDocument_GivesTheCheckedInClient()
    {
        using var folder = new TempFolder();
        var outcome = await ExternalProcess.RunAsync("bash", [Path.Combine(RepositoryPaths.Root, "scripts", "openapi-client.sh"), folder.Path],
            TimeSpan.FromMinutes(3), workingDirectory: RepositoryPaths.Root);
        Assert.That(outcome.Succeeded, Is.True, outcome.Describe("bash scripts/openapi-client.sh"));
        var checkedIn = Path.Combine(RepositoryPaths.Root, "tests", "IomDirectory.OpenApiClient", "Generated");
        Assert.That(CodeFiles(folder.Path).Keys, Is.EquivalentTo(CodeFiles(checkedIn).Keys), "the generated files");
        foreach (var (name, text) in CodeFiles(folder.Path))
            Assert.That(text, Is.EqualTo(CodeFiles(checkedIn)[name]), $"{name}: run bash scripts/openapi-client.sh");
    }

    private static Dictionary<string, string> CodeFiles(string root) =>
        Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f), f => File.ReadAllText(f).ReplaceLineEndings());
}
