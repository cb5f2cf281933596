using System.Diagnostics;
using System.Net;
using Grpc.Core;
using IomDirectory.Contracts.V1;
using IomDirectory.Server.Tests.Support;
using IomDirectory.TestIdentityProvider;
using FieldMask = Google.Protobuf.WellKnownTypes.FieldMask;

namespace IomDirectory.Server.Tests.Security;

/// <summary>
/// The provider over time: its signing key rotates, and it goes down. Each test has a provider and a server of its
/// own, since both change the provider for good.
/// </summary>
[TestFixture]
public sealed class OidcProviderLifecycleTests
{
    private static Task<Unit> Rename(RunningServer server, string token, string id, string name, long version) =>
        server.Admin.UpdateUnitAsync(new UpdateUnitRequest
        {
            Id = id, ExpectedVersion = version, Unit = new UnitInput { Name = new LocalizedText { En = name } },
            UpdateMask = new FieldMask { Paths = { "name.en" } }, Write = Api.Because("OIDC-2"),
        }, RunningServer.Bearer(token)).ResponseAsync;

    private static Task<Unit> Get(RunningServer server, string id) => server.Directory.GetUnitAsync(new GetUnitRequest { Id = id }).ResponseAsync;

    private static async Task<StatusCode> WriteStatus(RunningServer server, string token)
    {
        try
        {
            await Rename(server, token, "pcca", "PCCA " + Guid.NewGuid().ToString("N")[..6], (await Get(server, "pcca")).Version);
            return StatusCode.OK;
        }
        catch (RpcException ex)
        {
            return ex.StatusCode;
        }
    }

    [Test]
    public async Task Key_rotation_is_followed_and_the_retired_key_is_refused()
    {
        await using var signIn = await SignInServer.StartAsync();
        var oldToken = await signIn.Tokens.ApplicationTokenAsync(TestDirectory.HelpdeskEditor);
        Assert.That(await WriteStatus(signIn.Server, oldToken), Is.EqualTo(StatusCode.OK), "the keys are fetched and cached");

        signIn.Provider.RotateSigningKey(retireOld: true);
        var newToken = await signIn.Tokens.ApplicationTokenAsync(TestDirectory.HelpdeskEditor);
        Assert.That(newToken.Split('.')[0], Is.Not.EqualTo(oldToken.Split('.')[0]), "a new kid in the header");

        // The unknown kid makes the server fetch the JWKS again (at most once per KeyRefreshMinInterval, 1 s here).
        await Eventually.HoldsAsync(async () => await WriteStatus(signIn.Server, newToken) == StatusCode.OK,
            "a token signed with the new key is accepted", TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(500));
        Assert.That(await WriteStatus(signIn.Server, oldToken), Is.EqualTo(StatusCode.Unauthenticated), "the retired key is no longer published");
    }

    [Test]
    public async Task Provider_down_leaves_reads_working_cached_keys_valid_and_sign_in_failing_cleanly()
    {
        await using var signIn = await SignInServer.StartAsync();
        var token = await signIn.Tokens.ApplicationTokenAsync(TestDirectory.HelpdeskEditor);
        Assert.That(await WriteStatus(signIn.Server, token), Is.EqualTo(StatusCode.OK));

        await signIn.Provider.StopAsync();

        // A server that already holds the keys: nothing changes for reads or for tokens it can check.
        Assert.That((await Get(signIn.Server, "dhrr")).Id, Is.EqualTo("dhrr"));
        Assert.That(await WriteStatus(signIn.Server, token), Is.EqualTo(StatusCode.OK), "keys in hand stay in use");

        // A server started while the provider is down: reads answer, tokens are refused at once and say why, sign-in is a 503 page.
        await using var fresh = await RunningServer.StartAsync(SignInServer.Settings(signIn.Provider));
        Assert.That((await Get(fresh, "dhrr")).Id, Is.EqualTo("dhrr"), "an anonymous read");
        var read = await fresh.Directory.GetUnitAsync(new GetUnitRequest { Id = "pcca" }, RunningServer.Bearer(token));
        Assert.That(read.Id, Is.EqualTo("pcca"), "a read with a token that cannot be checked is still a read");
        var watch = Stopwatch.StartNew();
        var failure = await Api.Failure(() => Rename(fresh, token, "pcca", "x", 1));
        Assert.That(failure.Code, Is.EqualTo(StatusCode.Unauthenticated));
        Assert.That(failure.Message, Does.Contain("cannot be reached").And.Contain("try again shortly"));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)), "refused within the last fetch's wait, not hung");

        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fresh.WebAddress };
        var signInPage = await browser.GetAsync("/signin?returnUrl=/browse");
        Assert.That(signInPage.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(await signInPage.Content.ReadAsStringAsync(), Does.Contain("identity provider cannot be reached").And.Not.Contain("   at "));
        var home = await browser.GetAsync("/");
        Assert.That(home.StatusCode, Is.EqualTo(HttpStatusCode.OK), "pages still render");
    }

    [Test]
    public async Task With_the_local_key_turned_off_only_provider_tokens_get_in()
    {
        // A key the local scheme would accept if it were on: a token signed with it must still be refused.
        var key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        await using var signIn = await SignInServer.StartAsync("--Jwt:Enabled=false", "--Jwt:SigningKey", Convert.ToBase64String(key));
        var local = IomDirectory.Security.LocalTokenIssuer.Mint(key, "mallory", IomDirectory.Server.Security.Roles.Admin, TimeSpan.FromMinutes(5));
        Assert.That(await WriteStatus(signIn.Server, local), Is.EqualTo(StatusCode.Unauthenticated));
        Assert.That(await WriteStatus(signIn.Server, await signIn.Tokens.ApplicationTokenAsync(TestDirectory.HelpdeskEditor)), Is.EqualTo(StatusCode.OK));
        Assert.That(async () => await RunningServer.StartAsync("--Jwt:Enabled=false"), Throws.InvalidOperationException,
            "without a provider, turning the local key off would accept no token: start-up stops");
    }
}
