using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IomDirectory.Security;

/// <summary>Mints short-lived tokens with the local signing key, for development and the command-line client.</summary>
public static class LocalTokenIssuer
{
    public static string Mint(byte[] key, string name, string role, TimeSpan lifetime,
        string issuer = LocalDefaults.Issuer, string audience = LocalDefaults.Audience, DateTime? now = null)
    {
        var issuedAt = now ?? DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = issuedAt + lifetime,
            Subject = new ClaimsIdentity([new Claim("sub", name), new Claim("name", name), new Claim("role", role),
                new Claim("jti", Guid.NewGuid().ToString("N"))]),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
