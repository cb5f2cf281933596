using System.Security.Claims;

namespace IomDirectory.Server.Security;

/// <summary>Who is making a call, and why authentication failed if it did.</summary>
public sealed class Caller(ClaimsPrincipal principal, string? authenticationFailure)
{
    /// <summary>A call that presented no token.</summary>
    public static readonly Caller Anonymous = new(new ClaimsPrincipal(new ClaimsIdentity()), null);

    public ClaimsPrincipal Principal { get; } = principal;

    /// <summary>Why a presented token was rejected (expired, bad signature, wrong audience…); null when none was presented.</summary>
    public string? AuthenticationFailure { get; } = authenticationFailure;

    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true;

    public string Name => Principal.FindFirst("name")?.Value ?? Principal.FindFirst("sub")?.Value ?? "anonymous";

    /// <summary>
    /// Who the audit trail names: for a provider's token, "Display Name (subject)" (<see cref="OidcIdentity"/>); for a
    /// local token, its name.
    /// </summary>
    public string Actor => Principal.FindFirst(OidcIdentity.ActorClaim)?.Value ?? Name;

    /// <summary>The caller's highest directory role, or empty.</summary>
    public string Role => Principal.FindAll("role").Select(c => c.Value).Where(r => Roles.Rank(r) > 0)
        .OrderByDescending(Roles.Rank).FirstOrDefault() ?? "";

    public bool Has(string role) => Roles.Rank(Role) >= Roles.Rank(role);
}
