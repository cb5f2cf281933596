using IomDirectory.Server.Hosting;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IomDirectory.Server.Security;

/// <summary>
/// Bearer authentication: the local key's scheme and, with an authority configured, the identity provider's. The
/// middleware only authenticates (it never challenges): each call decides from the caller whether to answer
/// UNAUTHENTICATED or PERMISSION_DENIED as gRPC statuses. Throws ArgumentException for settings that cannot work.
/// </summary>
public static class SecurityServiceCollectionExtensions
{
    public const string SuppressAutoDefaultScheme = "Microsoft.AspNetCore.Authentication.SuppressAutoDefaultScheme";

    public static IServiceCollection AddDirectorySecurity(this IServiceCollection services, IConfiguration configuration, ServerSettings settings)
    {
        var jwt = configuration.GetSection("Jwt").Get<JwtSettings>() ?? new JwtSettings();
        var oidc = configuration.GetSection("Oidc").Get<OidcSettings>() ?? new OidcSettings();
        oidc.Validate();
        if (!jwt.Enabled && !oidc.Enabled)
            throw new ArgumentException("--Jwt:Enabled=false turns the local key off; configure --Oidc:Authority and --Oidc:Audience so that some token is accepted.");
        services.AddSingleton(jwt);
        services.AddSingleton(oidc);
        services.AddSingleton<TokenSchemes>();
        // No default scheme (not even the single registered one, which ASP.NET Core would otherwise make the default):
        // the authentication middleware it adds then does nothing per request, and a call that carries a token is
        // authenticated by the RPC layer (RpcPipeline) with the scheme TokenSchemes picks, by name. Measured in bench/ (wire).
        AppContext.SetSwitch(SuppressAutoDefaultScheme, true);
        var authentication = services.AddAuthentication();
        if (jwt.Enabled)
            AddLocalKey(authentication, jwt, IomDirectory.Security.SigningKey.Resolve(jwt.SigningKey, jwt.KeyFile(settings.Database.LocalFolder)));
        if (oidc.Enabled)
        {
            var metadata = new ProviderMetadata(oidc);
            var roles = RoleMapping.From(oidc);
            services.AddSingleton(metadata);
            services.AddSingleton(roles);
            AddProvider(authentication, oidc, metadata, roles);
            if (oidc.Web.Enabled)
                Web.WebSignIn.Add(authentication, oidc, metadata, roles);
        }
        return services;
    }

    private static void AddLocalKey(Microsoft.AspNetCore.Authentication.AuthenticationBuilder authentication, JwtSettings jwt, byte[] key) =>
        authentication.AddJwtBearer(TokenSchemes.LocalKey, o =>
        {
            o.MapInboundClaims = false;
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = jwt.Issuer,
                ValidAudience = jwt.Audience,
                IssuerSigningKey = new SymmetricSecurityKey(key),
                ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                ClockSkew = TimeSpan.FromSeconds(30),
                NameClaimType = "name",
                RoleClaimType = "role",
                RequireExpirationTime = true,
            };
            o.Events = new JwtBearerEvents { OnTokenValidated = context => TokenLifetime.Check(context, jwt.MaxTokenLifetime) };
        });

    /// <summary>
    /// The provider's access tokens: signature by a key of its JWKS (the key id must match; RSA or ECDSA only), issuer
    /// as discovery states it, audience, exp/nbf with clock skew, iat and the lifetime cap; then roles mapped.
    /// </summary>
    private static void AddProvider(Microsoft.AspNetCore.Authentication.AuthenticationBuilder authentication, OidcSettings oidc,
        ProviderMetadata metadata, RoleMapping roles) =>
        authentication.AddJwtBearer(TokenSchemes.Oidc, o =>
        {
            o.MapInboundClaims = false;
            o.ConfigurationManager = metadata;
            o.RefreshOnIssuerKeyNotFound = true;   // an unknown kid: fetch the JWKS again (at most once per KeyRefreshMinInterval)
            o.TokenHandlers.Clear();
            o.TokenHandlers.Add(new JsonWebTokenHandler { MapInboundClaims = false, MaximumTokenSizeInBytes = oidc.MaxTokenLength });
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidateIssuer = true,          // the issuer in discovery, which must be the authority (ProviderMetadata)
                ValidAudience = oidc.Audience,
                ValidAlgorithms = oidc.EffectiveAlgorithms,
                RequireSignedTokens = true,
                TryAllIssuerSigningKeys = false,   // the token's kid must name a published key
                ClockSkew = oidc.ClockSkew,
                RequireExpirationTime = true,
                NameClaimType = "name",
                RoleClaimType = "role",
            };
            o.Events = new JwtBearerEvents
            {
                OnTokenValidated = async context =>
                {
                    // An ID token (the web sign-in's, which always carries the nonce it was asked with) is not an access
                    // token, even where its audience is the API's (one Entra ID app registration for both).
                    if (context.Principal?.HasClaim(c => c.Type == "nonce") == true)
                    {
                        context.Fail(new SecurityTokenInvalidTypeException("an ID token (it carries a nonce) is not an access token; ask the provider for an access token"));
                        return;
                    }
                    await TokenLifetime.Check(context, oidc.MaxTokenLifetime);
                    if (context.Result is null && context.Principal is { } principal)
                        context.Principal = OidcIdentity.From(principal, roles, oidc.EffectiveNameClaims, TokenSchemes.Oidc);
                },
                // The handler rethrows what fails outside validation (the provider's keys cannot be had): a failure instead.
                OnAuthenticationFailed = context =>
                {
                    if (context.Result is null) context.Fail(context.Exception);
                    return Task.CompletedTask;
                },
            };
        });
}
