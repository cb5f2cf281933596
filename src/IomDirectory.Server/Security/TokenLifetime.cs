using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IomDirectory.Server.Security;

/// <summary>
/// Refuses a token whose lifetime (exp − iat) is longer than the server allows, or that lacks iat or exp: whoever can
/// read the signing key can mint tokens, and without a cap a token minted once (a 100-year admin token) works forever.
/// </summary>
public static class TokenLifetime
{
    public static Task Check(TokenValidatedContext context, TimeSpan max)
    {
        if (context.SecurityToken is not JsonWebToken token)
        {
            context.Fail(new SecurityTokenInvalidLifetimeException("the token is not a JWT this server can check"));
            return Task.CompletedTask;
        }
        if (!token.TryGetPayloadValue<long>("iat", out _) || !token.TryGetPayloadValue<long>("exp", out _))
            context.Fail(new SecurityTokenInvalidLifetimeException("the token must carry its issue time (iat) and expiry (exp)"));
        else if (token.ValidTo - token.IssuedAt > max)
            context.Fail(new SecurityTokenInvalidLifetimeException(
                $"the token's lifetime ({Hours(token.ValidTo - token.IssuedAt)}) is longer than this server accepts (at most {Hours(max)}); mint a shorter one"));
        else if (token.IssuedAt > DateTime.UtcNow + context.Options.TokenValidationParameters.ClockSkew)
            context.Fail(new SecurityTokenInvalidLifetimeException("the token's issue time (iat) is in the future"));
        return Task.CompletedTask;
    }

    private static string Hours(TimeSpan span) => $"{span.TotalHours.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)} h";
}
