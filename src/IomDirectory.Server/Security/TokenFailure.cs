using Microsoft.IdentityModel.Tokens;

namespace IomDirectory.Server.Security;

/// <summary>Says why a token was rejected, in a sentence safe to send back (no key material, no stack).</summary>
public static class TokenFailure
{
    public static string Describe(Exception failure) => failure switch
    {
        ProviderUnavailableException provider => provider.Message + "; try again shortly",
        SecurityTokenExpiredException => "the token has expired",
        SecurityTokenNoExpirationException => "the token has no expiry time (exp); mint one with a lifetime",
        SecurityTokenInvalidLifetimeException lifetime => lifetime.Message,
        SecurityTokenInvalidTypeException type => type.Message,
        SecurityTokenNotYetValidException => "the token is not valid yet",
        SecurityTokenInvalidAudienceException => "the token is for another audience",
        SecurityTokenInvalidIssuerException => "the token was issued by an issuer this server does not trust",
        SecurityTokenSignatureKeyNotFoundException => "the token's signing key is not one the issuer publishes (unknown kid) or its signature is not valid",
        SecurityTokenInvalidAlgorithmException => "the token's signature algorithm is not accepted",
        SecurityTokenInvalidSignatureException => "the token's signature is not valid",
        SecurityTokenMalformedException or ArgumentException => "the token is malformed",
        _ => "the token is not valid",
    };
}
