using System.Net;
using Microsoft.IdentityModel.Tokens;

namespace IomDirectory.Server.Security;

/// <summary>
/// The organization's OpenID Connect provider (configuration section <c>Oidc</c>; off while <see cref="Authority"/>
/// is empty). Every limit is here: token size, discovery timeout, how often keys are fetched, clock skew, session.
/// </summary>
public sealed class OidcSettings
{
    /// <summary>The issuer URL (Entra ID: https://login.microsoftonline.com/TENANT-ID/v2.0). http:// only on loopback.</summary>
    public string Authority { get; set; } = "";

    /// <summary>The access tokens' audience (Entra ID v2.0 tokens: the API's client ID). Required with an authority.</summary>
    public string Audience { get; set; } = "";

    /// <summary>Claims read for roles (default <c>roles</c>, Entra ID's app roles; <c>groups</c>, or a claim you name).</summary>
    public string[]? RoleClaims { get; set; }

    /// <summary>
    /// Claim value → directory role (<c>reader</c>, <c>editor</c>, <c>admin</c>, or <c>directory.*</c>); when none is
    /// configured, the values the local tokens use map to themselves (<c>directory.editor</c> → editor…).
    /// </summary>
    public Dictionary<string, string>? RoleMap { get; set; }

    /// <summary>Claims tried, in order, for the display name (default <c>name</c>, then <c>preferred_username</c>).</summary>
    public string[]? NameClaims { get; set; }

    /// <summary>Signature algorithms accepted (default the RSA and ECDSA ones; never none, never HMAC).</summary>
    public string[]? Algorithms { get; set; }

    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The longest lifetime (exp − iat) accepted, as for local tokens (Entra ID's are 60-90 minutes).</summary>
    public TimeSpan MaxTokenLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The longest bearer token read, in characters (a token with many groups is a few KB).</summary>
    public int MaxTokenLength { get; set; } = 16 * 1024;

    /// <summary>The longest wait for one fetch of the discovery document or of the JWKS.</summary>
    public TimeSpan DiscoveryTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The largest discovery document or JWKS read, in bytes.</summary>
    public int MaxMetadataBytes { get; set; } = 512 * 1024;

    /// <summary>How often discovery and the JWKS are fetched again while all goes well (new keys are published ahead of use).</summary>
    public TimeSpan MetadataRefreshInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>The least time between two fetches a token with an unknown key id (kid) may cause.</summary>
    public TimeSpan KeyRefreshMinInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>After a failed first fetch, how long tokens are refused at once, without waiting on the provider again.</summary>
    public TimeSpan RetryAfterFailure { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Web sign-in for people (authorization code with PKCE): on when <see cref="OidcWebSettings.ClientId"/> is set.</summary>
    public OidcWebSettings Web { get; set; } = new();

    public bool Enabled => Authority.Length > 0;

    public static readonly string[] DefaultAlgorithms =
    [
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
    ];

    public string[] EffectiveAlgorithms => Algorithms is { Length: > 0 } a ? a : DefaultAlgorithms;

    public string[] EffectiveRoleClaims => RoleClaims is { Length: > 0 } c ? c : ["roles"];

    public string[] EffectiveNameClaims => NameClaims is { Length: > 0 } c ? c : ["name", "preferred_username"];

    /// <summary>The authority as a URL, checked: absolute, https (http only for a loopback host). Throws ArgumentException saying what is wrong.</summary>
    public Uri AuthorityUri()
    {
        if (!Uri.TryCreate(Authority, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            throw new ArgumentException($"--Oidc:Authority: '{Authority}' is not an https:// URL (the provider's issuer).");
        if (uri.Scheme == Uri.UriSchemeHttp && !IsLoopback(uri))
            throw new ArgumentException($"--Oidc:Authority: '{Authority}' is http://; only a loopback authority (tests, development) may be, any other must be https://.");
        return uri;
    }

    public static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    /// <summary>Checks everything that can be checked at start-up; throws ArgumentException naming the setting.</summary>
    public void Validate()
    {
        if (!Enabled) return;
        AuthorityUri();
        if (Audience.Length == 0)
            throw new ArgumentException("--Oidc:Audience is required with --Oidc:Authority (in Entra ID, the API's client ID).");
        foreach (var algorithm in EffectiveAlgorithms)
            if (!DefaultAlgorithms.Contains(algorithm))
                throw new ArgumentException($"--Oidc:Algorithms: '{algorithm}' is not accepted; choose among {string.Join(", ", DefaultAlgorithms)} (a provider's keys are public: none and HMAC never are).");
        RoleMapping.From(this);   // throws for a value that is no role
        if (MaxTokenLength is < 1024 or > 256 * 1024)
            throw new ArgumentException("--Oidc:MaxTokenLength must be between 1024 and 262144 characters.");
        if (DiscoveryTimeout <= TimeSpan.Zero || DiscoveryTimeout > TimeSpan.FromMinutes(1))
            throw new ArgumentException("--Oidc:DiscoveryTimeout must be more than 0 and at most 00:01:00.");
        if (KeyRefreshMinInterval < TimeSpan.FromSeconds(1))
            throw new ArgumentException("--Oidc:KeyRefreshMinInterval must be at least 00:00:01.");
        if (Web.Enabled && (Web.SessionLifetime <= TimeSpan.Zero || Web.SessionLifetime > TimeSpan.FromDays(7)))
            throw new ArgumentException("--Oidc:Web:SessionLifetime must be more than 0 and at most 7 days.");
    }
}

/// <summary>Web sign-in (section <c>Oidc:Web</c>): the web application's client registration at the provider, and the session.</summary>
public sealed class OidcWebSettings
{
    public string ClientId { get; set; } = "";

    /// <summary>The client secret (a confidential client, as Entra ID web apps are); empty for a public client with PKCE.</summary>
    public string ClientSecret { get; set; } = "";

    /// <summary>
    /// How long a web sign-in lasts before the person goes through the provider again (fixed, not sliding); the
    /// session is not re-checked meanwhile, so this is also how long a disabled account keeps a page signed in.
    /// </summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Where the provider sends the person back (register http(s)://HOST:PORT/signin-oidc at the provider).</summary>
    public string CallbackPath { get; set; } = "/signin-oidc";

    public bool Enabled => ClientId.Length > 0;
}
