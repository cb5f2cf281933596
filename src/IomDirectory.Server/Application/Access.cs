using IomDirectory.Server.Security;

namespace IomDirectory.Server.Application;

/// <summary>The one rule for a caller and a role, used by the request pipeline and by reflection.</summary>
public static class Access
{
    /// <summary>
    /// UNAUTHENTICATED (with why the token was rejected) unless <paramref name="caller"/> is authenticated, then
    /// PERMISSION_DENIED unless it has <paramref name="role"/>: as a failure the exception mapper turns into its status.
    /// </summary>
    public static void Demand(Caller caller, string role, string operation, string subject)
    {
        if (!caller.IsAuthenticated)
            throw new UnauthenticatedException(caller.AuthenticationFailure is { } why
                ? $"The bearer token was rejected: {why}"
                : $"{subject} needs a bearer token (authorization: Bearer …).");
        if (!caller.Has(role))
            throw new PermissionDeniedException($"{operation} needs the role {role}; " +
                                                $"{caller.Name} has {(caller.Role.Length > 0 ? caller.Role : "no directory role")}.");
    }
}
