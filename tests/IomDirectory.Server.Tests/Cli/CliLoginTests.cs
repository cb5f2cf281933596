using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IomDirectory.Contracts.V1;
using IomDirectory.Server.Security;
using IomDirectory.Server.Tests.Support;
using IomDirectory.TestIdentityProvider;

namespace IomDirectory.Server.Tests.Cli;

/// <summary>
/// <c>iomdir login</c> completes the device authorization grant (RFC 8628) against the real test provider while a
/// person approves the code at the provider's pages; later commands use the kept token, renew it silently, and
/// <c>iomdir logout</c> forgets it.
/// </summary>
[TestFixture]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed partial class CliLoginTests
{
    private SignInServer _signIn = null!;
    private TempFolder _home = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _signIn = await SignInServer.StartAsync();
        _home = new TempFolder();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _signIn.DisposeAsync();
        _home.Dispose();
    }

    private Dictionary<string, string> Environment => new() { ["XDG_CONFIG_HOME"] = _home.Path };

    private string StoredFile => Path.Combine(_home.Path, "iomdir", "sign-in.json");

    private Task<Iomdir.Outcome> Run(params string[] args) => Iomdir.RunAsync(Environment, [.. args, "--server", _signIn.Server.Address.ToString()]);

    [Test]
    public async Task Login_by_device_code_keeps_a_private_token_that_edits_renews_silently_and_logout_forgets()
    {
        var (exit, stdout, stderr) = await LoginAsync(TestDirectory.Erin);
        Assert.That(exit, Is.EqualTo(0), stderr);
        Assert.That(stdout, Does.StartWith("Signed in as Erin Editor."));
        Assert.That(stderr, Does.Contain("To sign in, open " + _signIn.Provider.Authority));
        Assert.Multiple(() =>
        {
            Assert.That(File.GetUnixFileMode(StoredFile), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite), "the tokens file is 0600");
            Assert.That(File.GetUnixFileMode(Path.GetDirectoryName(StoredFile)!),
                Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute), "its folder is 0700");
            Assert.That(JsonNode.Parse(File.ReadAllText(StoredFile))!["refreshToken"]?.GetValue<string>(), Is.Not.Empty, "a refresh token is kept");
        });

        (await Run("edit", "unit", "governing-bodies-secretariat", "--set", "acronym=GBS-OIDC", "--reason", "CLI-OIDC-1")).Ok();
        Assert.That(await LastActorAsync(), Is.EqualTo($"Erin Editor ({TestDirectory.Erin.Subject})"), "no --token: the kept sign-in's");

        // The access token lapses: the next command renews it with the refresh token, without a word.
        var stored = JsonNode.Parse(File.ReadAllText(StoredFile))!;
        var lapsedToken = stored["accessToken"]!.GetValue<string>();
        stored["expiresAt"] = DateTimeOffset.UtcNow.AddMinutes(-5).ToString("O");
        File.WriteAllText(StoredFile, stored.ToJsonString());
        (await Run("edit", "unit", "governing-bodies-secretariat", "--set", "acronym=GBS-OIDC2", "--reason", "CLI-OIDC-2")).Ok();
        var renewed = JsonNode.Parse(File.ReadAllText(StoredFile))!;
        Assert.That(renewed["accessToken"]!.GetValue<string>(), Is.Not.EqualTo(lapsedToken), "a new access token");
        Assert.That(DateTimeOffset.Parse(renewed["expiresAt"]!.GetValue<string>()), Is.GreaterThan(DateTimeOffset.UtcNow));
        Assert.That(File.GetUnixFileMode(StoredFile), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite), "still 0600 after renewal");

        Assert.That((await Run("logout")).Ok().Stdout, Does.StartWith("Signed out"));
        Assert.That(File.Exists(StoredFile), Is.False);
        var refused = (await Run("edit", "unit", "governing-bodies-secretariat", "--set", "acronym=GBS3", "--reason", "CLI-OIDC-3")).Failed(Unauthorized);
        Assert.That(refused, Does.Contain("iomdir login"));
    }

    [Test]
    public async Task A_leaver_whose_account_is_disabled_cannot_renew_and_is_refused()
    {
        Assert.That((await LoginAsync(TestDirectory.Ada)).Exit, Is.EqualTo(0));
        _signIn.Provider.DisabledUsers.Add(TestDirectory.Ada.UserName);
        try
        {
            var stored = JsonNode.Parse(File.ReadAllText(StoredFile))!;
            stored["expiresAt"] = DateTimeOffset.UtcNow.AddMinutes(-5).ToString("O");
            File.WriteAllText(StoredFile, stored.ToJsonString());

            var outcome = await Run("edit", "unit", "governing-bodies-secretariat", "--set", "acronym=GBS-LEAVER", "--reason", "CLI-OIDC-5");
            Assert.That(outcome.ExitCode, Is.EqualTo(Unauthorized), outcome.ToString());
            Assert.That(outcome.Stderr, Does.Contain("could not be renewed").And.Contain("iomdir login"));
        }
        finally
        {
            _signIn.Provider.DisabledUsers.Remove(TestDirectory.Ada.UserName);
            File.Delete(StoredFile);
        }
    }

    [Test]
    public async Task Token_option_still_wins_over_a_kept_sign_in()
    {
        var outcome = await Iomdir.RunAsync(Environment, "edit", "unit", "governing-bodies-secretariat", "--set", "acronym=GBS-LOCAL",
            "--reason", "CLI-OIDC-4", "--server", _signIn.Server.Address.ToString(), "--token", _signIn.Server.Token("lou.local", Roles.Editor));
        outcome.Ok();
        Assert.That(await LastActorAsync(), Is.EqualTo("lou.local"));
    }

    /// <summary>iomdir's exit code for unauthenticated or forbidden (README, "Command-line client").</summary>
    private const int Unauthorized = 5;

    private async Task<string> LastActorAsync() =>
        (await _signIn.Server.Admin.ListAuditEventsAsync(
            new ListAuditEventsRequest { EntityId = "governing-bodies-secretariat" }, RunningServer.Bearer(_signIn.Server.Token("ann.admin", Roles.Admin)))).Events.First().Actor;   // newest first

    /// <summary>Runs iomdir login, reads the code it shows on stderr, approves it as <paramref name="user"/> at the provider, waits for it.</summary>
    private async Task<(int Exit, string Stdout, string Stderr)> LoginAsync(TestUser user)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Iomdir.DllPath, "login", "--authority", _signIn.Provider.Issuer, "--client-id", TestDirectory.CliClientId })
            start.ArgumentList.Add(arg);
        start.Environment.Remove("IOMDIR_TOKEN");
        start.Environment["XDG_CONFIG_HOME"] = _home.Path;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = new System.Text.StringBuilder();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            string? code = null;
            while (code is null && await process.StandardError.ReadLineAsync(timeout.Token) is { } line)
            {
                stderr.AppendLine(line);
                if (CodeShown().Match(line) is { Success: true } match) code = match.Groups[1].Value;
            }
            Assert.That(code, Is.Not.Null, "iomdir login shows a code: " + stderr);
            await _signIn.Tokens.ApproveDeviceAsync(user, code!);
            stderr.Append(await process.StandardError.ReadToEndAsync(timeout.Token));
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("iomdir login did not finish: " + stderr);
        }
        return (process.ExitCode, await stdout, stderr.ToString());
    }

    [GeneratedRegex(@"enter the code (\S+)$")]
    private static partial Regex CodeShown();
}
