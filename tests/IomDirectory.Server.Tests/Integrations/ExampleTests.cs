using System.Reflection;
using IomDirectory.Server.Tests.Support;

namespace IomDirectory.Server.Tests.Integrations;

/// <summary>
/// The integrators' examples in docs/examples (Python with the standard library, Node with its built-in fetch,
/// C# with HttpClient) run as they are against the real server, with a bearer token, and on an error.
/// </summary>
[TestFixture]
public sealed class ExampleTests
{
    private static readonly string Examples = Path.Combine(RepositoryPaths.Root, "docs", "examples");

    private static readonly string CSharpExample = typeof(ExampleTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "SuggestContactsExamplePath").Value!;

    private RunningServer _server = null!;

    [OneTimeSetUp]
    public async Task Start() => _server = await RunningServer.StartAsync("--Jwt:RequireReaderRole=true");

    [OneTimeTearDown]
    public async Task Stop() => await _server.DisposeAsync();

    public static IEnumerable<TestCaseData> Languages()
    {
        yield return new TestCaseData("/usr/bin/python3", new[] { Path.Combine(Examples, "python", "suggest_contacts.py") }).SetArgDisplayNames("python");
        yield return new TestCaseData("node", new[] { Path.Combine(Examples, "node", "suggest_contacts.js") }).SetArgDisplayNames("node");
        yield return new TestCaseData("dotnet", new[] { CSharpExample }).SetArgDisplayNames("csharp");
    }

    [TestCaseSource(nameof(Languages))]
    public async Task SuggestContacts_WithAToken_PrintsTheContactsBestFirst(string program, string[] example)
    {
        var outcome = await RunAsync(program, [.. example, "Who handles cash-based interventions?", "--country", "KE", "--max", "3"],
            _server.Token("helpdesk-tool", "directory.reader"));
        Assert.That(outcome.Succeeded, Is.True, outcome.Describe(program));
        var lines = outcome.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[0], Is.EqualTo("language: en, confident: true"));
        Assert.That(lines.Skip(1).ToList(), Has.Count.InRange(1, 3));
        Assert.That(lines[1], Does.StartWith("1. "));
        Assert.That(outcome.Output, Does.Contain("<cbisupport@iom.int> (mailbox, score "));
    }

    [TestCaseSource(nameof(Languages))]
    public async Task SuggestContacts_WithoutTheTokenTheServerRequires_SaysWhy(string program, string[] example)
    {
        var outcome = await RunAsync(program, [.. example, "Who handles cash-based interventions?"], token: null);
        Assert.That(outcome.ExitCode, Is.EqualTo(1), outcome.Describe(program));
        Assert.That(outcome.Output, Does.StartWith("error 401"));
    }

    private async Task<ProcessOutcome> RunAsync(string program, string[] arguments, string? token)
    {
        var environment = new Dictionary<string, string> { ["IOMDIR_URL"] = _server.WebAddress!.ToString(), ["IOMDIR_TOKEN"] = token ?? "" };
        return await ExternalProcess.RunAsync(program, arguments, TimeSpan.FromSeconds(60), environment, workingDirectory: Examples);
    }
}
