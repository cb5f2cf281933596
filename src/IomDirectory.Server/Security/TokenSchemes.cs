using Microsoft.IdentityModel.JsonWebTokens;

namespace IomDirectory.Server.Security;

/// <summary>
/// The two kinds of bearer token and how a call's token is sent to one: a token the local key signed (HMAC, issuer
/// <see cref="JwtSettings.Issuer"/>) to <see cref="LocalKey"/>, any other to <see cref="Oidc"/> when a provider is
/// configured. Only the token's header and payload are read here (no signature, no network); the scheme validates.
/// </summary>
public sealed class TokenSchemes(JwtSettings local, OidcSettings oidc)
{
    /// <summary>Tokens signed with the local key file (<c>iomdir token</c>): the embedded default for a laptop and tests.</summary>
    public const string LocalKey = "LocalKey";

    /// <summary>Tokens from the organization's OpenID Connect provider.</summary>
    public const string Oidc = "Oidc";

    /// <summary>The longest token read without a provider configured (a local token is a few hundred characters).</summary>
    public const int LocalMaxTokenLength = 16 * 1024;

    private static readonly JsonWebTokenHandler Reader = new();

    /// <summary>The scheme to authenticate the Authorization header with, or why it is refused before any validation.</summary>
    public (string? Scheme, string? Failure) Choose(string authorization)
    {
        if (!authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return (null, "the authorization header is not a bearer token");
        var token = authorization.AsSpan(7).Trim();
        var limit = oidc.Enabled ? oidc.MaxTokenLength : LocalMaxTokenLength;
        if (token.Length > limit)
            return (null, $"the token is longer than this server reads ({limit} characters)");
        if (!oidc.Enabled) return local.Enabled ? (LocalKey, null) : (null, "this server accepts no tokens");
        if (!local.Enabled) return (Oidc, null);
        var text = token.ToString();
        JsonWebToken jwt;
        try
        {
            if (!Reader.CanReadToken(text)) return (LocalKey, null);   // malformed: the scheme says so
            jwt = new JsonWebToken(text);
        }
        catch (Exception ex) when (ex is ArgumentException or Microsoft.IdentityModel.Tokens.SecurityTokenException)
        {
            return (LocalKey, null);
        }
        return jwt.Issuer == local.Issuer && jwt.Alg.StartsWith("HS", StringComparison.Ordinal) ? (LocalKey, null) : (Oidc, null);
    }
}
