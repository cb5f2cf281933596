using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IomDirectory.TestIdentityProvider;

/// <summary>
/// A real OpenID Connect provider (OpenIddict 7) on a loopback port: discovery, JWKS, authorization code with PKCE
/// behind a plain HTML login form, the device authorization grant (RFC 8628) with a verification page, client
/// credentials, refresh tokens. Access tokens are signed JWTs (RS256, not encrypted) for <see cref="TestDirectory.ApiAudience"/>.
/// Tests start it in-process, rotate its signing key, disable a user, and stop it to see the provider go down.
/// </summary>
public sealed class OidcTestProvider : IAsyncDisposable
{
    private WebApplication _app = null!;
    private readonly string _folder;
    private int _keyNumber = 1;

    private OidcTestProvider(string folder, RsaSecurityKey key)
    {
        _folder = folder;
        SigningKey = key;
    }

    /// <summary>The issuer, as discovery states it: http://127.0.0.1:PORT/</summary>
    public Uri Authority { get; private set; } = null!;

    public string Issuer => Authority.AbsoluteUri;

    /// <summary>The key tokens are signed with now (its private half, for tests that forge tokens with it).</summary>
    public RsaSecurityKey SigningKey { get; private set; }

    /// <summary>Users whose tokens are no longer issued or refreshed (a leaver whose account was disabled).</summary>
    public ISet<string> DisabledUsers { get; } = new HashSet<string>(StringComparer.Ordinal);

    public static async Task<OidcTestProvider> StartAsync(int port = 0, TimeSpan? accessTokenLifetime = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "iomdir-idp-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var key = NewKey(1);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = folder, EnvironmentName = "Production" });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Services.AddDbContext<ProviderDbContext>(o =>
        {
            o.UseSqlite($"Data Source={Path.Combine(folder, "provider.db")}");
            o.UseOpenIddict();
        });
        builder.Services.AddAuthentication(o => o.DefaultScheme = ProviderEndpoints.LoginScheme)
            .AddCookie(ProviderEndpoints.LoginScheme, o =>
            {
                o.Cookie.Name = "test-idp-login";
                o.LoginPath = "/login";
            });
        builder.Services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<ProviderDbContext>())
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetDeviceAuthorizationEndpointUris("connect/device")
                    .SetEndUserVerificationEndpointUris("connect/verify");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowDeviceAuthorizationFlow()
                    .AllowClientCredentialsFlow()
                    .AllowRefreshTokenFlow();
                o.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.OfflineAccess, Scopes.Roles);
                o.AddSigningKey(key);
                o.AddEphemeralEncryptionKey();
                o.DisableAccessTokenEncryption();   // resource servers validate access tokens as signed JWTs, as Entra ID's
                o.SetAccessTokenLifetime(accessTokenLifetime ?? TimeSpan.FromMinutes(30));
                o.UseAspNetCore()
                    .DisableTransportSecurityRequirement()   // loopback http for the tests
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndUserVerificationEndpointPassthrough();
            });

        var app = builder.Build();
        app.UseAuthentication();
        var provider = new OidcTestProvider(folder, key) { _app = app };
        ProviderEndpoints.Map(app, provider);
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ProviderDbContext>().Database.EnsureCreatedAsync();
            await RegisterClientsAsync(scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>());
        }
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        provider.Authority = new Uri(address.TrimEnd('/') + "/");
        return provider;
    }

    /// <summary>Allows the directory's web sign-in to come back to <paramref name="redirectUri"/> (its /signin-oidc).</summary>
    public async Task AllowRedirectAsync(Uri redirectUri)
    {
        using var scope = _app.Services.CreateScope();
        var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var client = await manager.FindByClientIdAsync(TestDirectory.WebClientId) ?? throw new InvalidOperationException("no web client");
        var descriptor = new OpenIddictApplicationDescriptor();
        await manager.PopulateAsync(descriptor, client);
        descriptor.RedirectUris.Add(redirectUri);
        await manager.UpdateAsync(client, descriptor);
    }

    /// <summary>
    /// Key rotation: a new RSA key (new kid) signs from now on and is published in the JWKS; with
    /// <paramref name="retireOld"/> the old key leaves the JWKS at once, so tokens signed with it stop validating.
    /// </summary>
    public RsaSecurityKey RotateSigningKey(bool retireOld = true)
    {
        var options = _app.Services.GetRequiredService<IOptionsMonitor<OpenIddictServerOptions>>().CurrentValue;
        var key = NewKey(++_keyNumber);
        var credentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256);
        lock (options.SigningCredentials)
        {
            if (retireOld) options.SigningCredentials.RemoveAll(c => c.Key is RsaSecurityKey);
            options.SigningCredentials.Insert(0, credentials);
        }
        SigningKey = key;
        return key;
    }

    /// <summary>Stops answering: the provider is down (discovery, JWKS and sign-in fail with connection refused).</summary>
    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private static RsaSecurityKey NewKey(int number) => new(RSA.Create(2048)) { KeyId = $"test-key-{number}-{Guid.NewGuid():N}"[..24] };

    private static async Task RegisterClientsAsync(IOpenIddictApplicationManager manager)
    {
        await manager.CreateAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = TestDirectory.WebClientId,
            ClientSecret = TestDirectory.WebClientSecret,
            ClientType = ClientTypes.Confidential,
            DisplayName = "IOM Directory (web)",
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token,
                Permissions.GrantTypes.AuthorizationCode, Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile, Permissions.Scopes.Roles,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        });
        await manager.CreateAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = TestDirectory.CliClientId,
            ClientType = ClientTypes.Public,
            DisplayName = "iomdir (command line)",
            Permissions =
            {
                Permissions.Endpoints.DeviceAuthorization, Permissions.Endpoints.Token,
                Permissions.GrantTypes.DeviceCode, Permissions.GrantTypes.RefreshToken,
                Permissions.Scopes.Profile, Permissions.Scopes.Roles,
            },
        });
        foreach (var application in TestDirectory.Applications)
            await manager.CreateAsync(new OpenIddictApplicationDescriptor
            {
                ClientId = application.ClientId,
                ClientSecret = application.Secret,
                ClientType = ClientTypes.Confidential,
                DisplayName = application.DisplayName,
                Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
            });
    }
}
