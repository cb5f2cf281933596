using IomDirectory.TestIdentityProvider;

namespace IomDirectory.Server.Tests.Support;

/// <summary>
/// The test provider and the real server configured to trust it (bearer tokens on every surface and web sign-in),
/// with short key-refresh intervals so rotation and outages are seen within a test. Both on loopback ports.
/// </summary>
public sealed class SignInServer : IAsyncDisposable
{
    private SignInServer(OidcTestProvider provider, RunningServer server)
    {
        Provider = provider;
        Server = server;
        Tokens = new ProviderClient(provider);
    }

    public OidcTestProvider Provider { get; }
    public RunningServer Server { get; }
    public ProviderClient Tokens { get; }

    public static string[] Settings(OidcTestProvider provider) =>
    [
        "--Oidc:Authority", provider.Issuer,
        "--Oidc:Audience", TestDirectory.ApiAudience,
        "--Oidc:Web:ClientId", TestDirectory.WebClientId,
        "--Oidc:Web:ClientSecret", TestDirectory.WebClientSecret,
        "--Oidc:KeyRefreshMinInterval", "00:00:01",
        "--Oidc:RetryAfterFailure", "00:00:02",
    ];

    public static async Task<SignInServer> StartAsync(params string[] extraArgs)
    {
        var provider = await OidcTestProvider.StartAsync();
        await WarmAsync(provider);
        var server = await RunningServer.StartAsync([.. Settings(provider), .. extraArgs]);
        await provider.AllowRedirectAsync(new Uri(server.WebAddress!, "/signin-oidc"));
        return new SignInServer(provider, server);
    }

    /// <summary>
    /// The provider's first answers compile OpenIddict and EF Core; on a loaded test machine that can take longer than a
    /// fetch may wait, so the fixture asks once before the server does (what a real provider has long done).
    /// </summary>
    public static async Task WarmAsync(OidcTestProvider provider)
    {
        using var http = new HttpClient { BaseAddress = provider.Authority, Timeout = TimeSpan.FromSeconds(60) };
        (await http.GetAsync(".well-known/openid-configuration")).EnsureSuccessStatusCode();
        (await http.GetAsync(".well-known/jwks")).EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await Provider.DisposeAsync();
    }
}
