using IomDirectory.Server.Tests.Support;
using IomDirectory.TestIdentityProvider;

namespace IomDirectory.Server.Tests.Web;

/// <summary>A browser fixture whose server trusts its own test provider, so people sign in through the provider's login form.</summary>
public abstract class SignInBrowserFixture : BrowserFixture
{
    protected OidcTestProvider Provider { get; private set; } = null!;

    /// <summary>Settings added to the provider's (bounds a fixture wants to test, say).</summary>
    protected virtual string[] MoreServerArguments => [];

    protected override async Task<string[]> ServerArgumentsAsync()
    {
        Provider = await OidcTestProvider.StartAsync();
        await SignInServer.WarmAsync(Provider);
        return [.. SignInServer.Settings(Provider), .. MoreServerArguments];
    }

    protected override Task ServerStartedAsync(RunningServer server) => Provider.AllowRedirectAsync(new Uri(server.WebAddress!, "/signin-oidc"));

    protected override async Task ServerStoppedAsync() => await Provider.DisposeAsync();
}
