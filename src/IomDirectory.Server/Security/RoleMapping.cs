using System.Security.Claims;

namespace IomDirectory.Server.Security;

/// <summary>
/// Turns a provider's role claims (app roles, groups, or a claim named in configuration) into directory roles. Only
/// values in the map count: a provider claim named <c>role</c> grants nothing by itself.
/// </summary>
public sealed class RoleMapping
{
    private readonly string[] _claims;
    private readonly Dictionary<string, string> _map;

    private RoleMapping(string[] claims, Dictionary<string, string> map)
    {
        _claims = claims;
        _map = map;
    }

    public static RoleMapping From(OidcSettings settings)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var configured = settings.RoleMap is { Count: > 0 } m ? m : Roles.All.ToDictionary(r => r, r => r);
        foreach (var (value, role) in configured)
        {
            var name = role.Contains('.') ? role : "directory." + role;
            if (Roles.Rank(name) == 0)
                throw new ArgumentException($"--Oidc:RoleMap:{value}: '{role}' is not a directory role (reader, editor or admin).");
            map[value] = name;
        }
        return new RoleMapping(settings.EffectiveRoleClaims, map);
    }

    /// <summary>The directory roles the principal's role claims map to (a claim may hold one value or a JSON array's elements).</summary>
    public IReadOnlyList<string> RolesOf(ClaimsPrincipal principal) =>
        _claims.SelectMany(principal.FindAll).Select(c => _map.GetValueOrDefault(c.Value)).OfType<string>().Distinct().ToList();
}
