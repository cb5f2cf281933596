using IomDirectory.Server.Tests.Support;

namespace IomDirectory.Server.Tests.Interop;

/// <summary>
/// One real server per fixture, and one process of a foreign gRPC client per scenario. A missing client runtime
/// fails every test of the fixture with the command that installs it; nothing is skipped.
/// </summary>
public abstract class InteropFixture
{
    protected static readonly TimeSpan ScenarioTimeout = TimeSpan.FromSeconds(60);
    protected const string InstallHint = "Run `bash scripts/test.sh` once: it installs the interop clients' dependencies.";

    private RunningServer? _server;

    protected RunningServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    /// <summary>Fails (Assert.Fail) when the client cannot run here, saying what is missing.</summary>
    protected abstract Task EnsureClientCanRunAsync();

    /// <summary>The program and arguments that run a client subcommand (a scenario name, or --list).</summary>
    protected abstract (string FileName, IReadOnlyList<string> Arguments) Command(params string[] arguments);

    protected virtual IReadOnlyDictionary<string, string>? Environment => null;

    [OneTimeSetUp]
    public async Task StartServerAndClientAsync()
    {
        await EnsureClientCanRunAsync();
        _server = await RunningServer.StartAsync();
    }

    [OneTimeTearDown]
    public async Task StopServerAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
    }

    [TestCaseSource(typeof(InteropScenarios), nameof(InteropScenarios.Cases))]
    public async Task Scenario(string scenario)
    {
        var outcome = await RunAsync(Server.Target, scenario);
        Assert.That(outcome.Succeeded, Is.True, outcome.Describe($"scenario '{scenario}' against {Server.Target}"));
    }

    [Test]
    public async Task TheClient_ImplementsExactlyTheScenariosTestedHere()
    {
        var outcome = await RunAsync("--list");
        Assert.That(outcome.Succeeded, Is.True, outcome.Describe("--list"));
        var listed = outcome.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.That(listed, Is.EquivalentTo(InteropScenarios.ByName.Keys));
    }

    protected async Task<ProcessOutcome> RunAsync(params string[] arguments)
    {
        var (fileName, args) = Command(arguments);
        return await ExternalProcess.RunAsync(fileName, args, ScenarioTimeout, Environment);
    }

    protected static async Task RequireAsync(string fileName, string[] arguments, string missing)
    {
        var outcome = await ExternalProcess.RunAsync(fileName, arguments, ScenarioTimeout);
        if (!outcome.Succeeded)
            Assert.Fail($"{missing}. {InstallHint}\n{outcome.Describe($"{fileName} {string.Join(' ', arguments)}")}");
    }
}
