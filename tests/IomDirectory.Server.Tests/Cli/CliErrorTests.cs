using System.Net;
using System.Net.Sockets;

namespace IomDirectory.Server.Tests.Cli;

/// <summary>Failures: one line on stderr naming what failed and the status, a distinct exit code, no stack trace.</summary>
[TestFixture]
public sealed class CliErrorTests
{
    private CliServer _cli = null!;

    [OneTimeSetUp]
    public async Task Start() => _cli = await CliServer.StartAsync();

    [OneTimeTearDown]
    public async Task Stop() => await _cli.DisposeAsync();

    [TestCase("show")]
    [TestCase("no-such-command")]
    [TestCase("tree", "--as-of", "2024-13-45")]
    [TestCase("import", "README.md")]
    [TestCase("edit", "unit", "pcca", "--set", "acronym=X")]
    [TestCase("token", "--name", "x", "--role", "superuser")]
    public async Task UsageError_IsExit2(params string[] args) => (await _cli.Run(args)).Failed(2);

    [Test]
    public async Task UsageError_NamesTheProblem()
    {
        Assert.That((await _cli.Run("tree", "--as-of", "2024-13-45")).Failed(2), Does.Contain("YYYY-MM-DD"));
        Assert.That((await _cli.RunAs(_cli.Editor, "edit", "unit", "pcca", "--set", "colour=red", "--reason", "r")).Failed(2),
            Does.Contain("--set colour: unknown field").And.Contain("name.en"));
    }

    [Test]
    public async Task UnknownId_IsExit3()
    {
        Assert.That((await _cli.Run("show", "no-such-record")).Failed(3), Does.Contain("no-such-record"));
        Assert.That((await _cli.Run("tree", "no-such-unit")).Failed(3), Does.Contain("GetSubtree failed: NOT_FOUND"));
        Assert.That((await _cli.RunAs(_cli.Editor, "edit", "office", "no-such-office", "--set", "city.en=X", "--reason", "r")).Failed(3),
            Does.Contain("no-such-office"));
    }

    [Test]
    public async Task InvalidEdit_IsExit4_NamingTheField()
    {
        var line = (await _cli.RunAs(_cli.Editor, "edit", "unit", "pcca", "--set", "office_id=nowhere", "--reason", "TICKET-1")).Failed(4);
        Assert.That(line, Does.Contain("UpdateUnit failed: INVALID_ARGUMENT").And.Contain("--set office_id:"), "the flag the user typed");
        Assert.That(line.TrimEnd('\n'), Does.Not.Contain("\n"), "one line");
    }

    [Test]
    public async Task AskWithAnUnknownCountry_IsExit4_NamingTheFlag() =>
        Assert.That((await _cli.Run("ask", "Who handles staff travel?", "--country", "ZZ")).Failed(4),
            Does.Contain("SuggestContacts failed: INVALID_ARGUMENT").And.Contain("--country:"));

    [Test]
    public async Task Help_NeverPrintsTheTokenFromTheEnvironment_WhichStillAuthenticates()
    {
        var token = _cli.Editor;
        var environment = new Dictionary<string, string> { ["IOMDIR_TOKEN"] = token };
        foreach (var args in new[] { new[] { "--help" }, ["edit", "--help"], ["edit", "unit", "--help"] })
        {
            var help = await Iomdir.RunAsync(environment, args);
            Assert.That(help.ExitCode, Is.EqualTo(0), help.ToString());
            Assert.That(help.Stdout + help.Stderr, Does.Contain("--token").And.Not.Contain(token[..20]), string.Join(' ', args));
        }
        // the variable is still read when the option is absent: an editor's write goes through
        var edited = await Iomdir.RunAsync(environment, "edit", "unit", "pcca", "--set", "name.es=División de preparación y respuesta", "--reason", "TICKET-12", "--server", _cli.Address);
        Assert.That(edited.ExitCode, Is.EqualTo(0), edited.ToString());
    }

    [Test]
    public async Task NoToken_IsExit5()
    {
        var line = (await _cli.Run("edit", "unit", "pcca", "--set", "acronym=X", "--reason", "r")).Failed(5);
        Assert.That(line, Does.Contain("UNAUTHENTICATED").And.Contain("iomdir token"));
    }

    [Test]
    public async Task ForbiddenRole_IsExit5() =>
        Assert.That((await _cli.RunAs(_cli.Reader, "edit", "unit", "pcca", "--set", "acronym=X", "--reason", "r")).Failed(5),
            Does.Contain("PERMISSION_DENIED"));

    [Test]
    public async Task UnreachableServer_IsExit6_NamingTheAddress()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var outcome = await Iomdir.RunAsync("tree", "--server", $"http://127.0.0.1:{port}");
        Assert.That(outcome.Failed(6), Does.Contain($"cannot reach the server at http://127.0.0.1:{port}"));
    }

    [Test]
    public async Task StaleVersion_IsExit7_SayingSomeoneChangedIt()
    {
        var version = (await _cli.Run("show", "office-chief-of-staff", "--json")).Json().GetProperty("version").GetString()!;
        Assert.That((await _cli.RunAs(_cli.Editor, "edit", "unit", "office-chief-of-staff", "--set", "acronym=OCS", "--reason", "first")).ExitCode, Is.EqualTo(0));

        var line = (await _cli.RunAs(_cli.Editor, "edit", "unit", "office-chief-of-staff", "--set", "acronym=CoS", "--reason", "second",
            "--expected-version", version)).Failed(7);
        Assert.That(line, Does.Contain("ABORTED").And.Contain("someone changed it meanwhile"));
    }

    [Test]
    public async Task ImportWithoutReason_IsUsage_AndAsEditor_IsForbidden()
    {
        var file = Path.Combine(Path.GetTempPath(), $"iomdir-empty-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, "{\"format\": \"iomdirectory/v1\"}");
        try
        {
            Assert.That((await _cli.RunAs(_cli.Admin, "import", file, "--apply")).Failed(2), Does.Contain("--reason"));
            Assert.That((await _cli.RunAs(_cli.Editor, "import", file, "--apply", "--reason", "r")).Failed(5), Does.Contain("ImportDirectory failed"));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
