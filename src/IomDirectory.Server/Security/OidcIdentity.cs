using System.Security.Claims;

namespace IomDirectory.Server.Security;

/// <summary>
/// The caller a provider's validated token stands for: its subject, display name, the directory roles its role
/// claims map to (the only <c>role</c> claims kept) and the actor the audit trail records: "Display Name (subject)".
/// An application (client credentials) without a name is its client id.
/// </summary>
public static class OidcIdentity
{
    public const string ActorClaim = "actor";

    public static ClaimsPrincipal From(ClaimsPrincipal validated, RoleMapping roles, string[] nameClaims, string authenticationType, bool keepOtherClaims = true)
    {
        var subject = validated.FindFirst("sub")?.Value ?? "";
        var name = nameClaims.Select(c => validated.FindFirst(c)?.Value).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))
                   ?? validated.FindFirst("azp")?.Value ?? validated.FindFirst("client_id")?.Value ?? subject;
        var identity = new ClaimsIdentity(authenticationType, "name", "role");
        if (keepOtherClaims)   // exp and iat among them (a watch ends when its token expires)
            identity.AddClaims(validated.Claims.Where(c => c.Type is not ("role" or "name" or ActorClaim)).Select(c => new Claim(c.Type, c.Value, c.ValueType, c.Issuer)));
        else if (subject.Length > 0)   // a web session keeps what it shows and what antiforgery binds to
            identity.AddClaim(new Claim("sub", subject));
        identity.AddClaim(new Claim("name", name));
        identity.AddClaim(new Claim(ActorClaim, subject.Length == 0 || subject == name ? name : $"{name} ({subject})"));
        foreach (var role in roles.RolesOf(validated))
            identity.AddClaim(new Claim("role", role));
        return new ClaimsPrincipal(identity);
    }
}
