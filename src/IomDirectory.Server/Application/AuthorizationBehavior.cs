using IomDirectory.Server.Features.Common;
using IomDirectory.Server.Security;
using MediatR;

namespace IomDirectory.Server.Application;

/// <summary>
/// Checks the caller before anything else looks at the request: writes need their role; reads need the reader
/// role only when the server is configured so.
/// </summary>
public sealed class AuthorizationBehavior<TRequest, TResponse>(CurrentCaller current, JwtSettings settings)
    : IPipelineBehavior<TRequest, TResponse>
{
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var required = request switch
        {
            IRequireRole r => r.RequiredRole,
            IReadQuery when settings.RequireReaderRole => Roles.Reader,
            _ => null,
        };
        if (required is null)
            return next();
        var caller = current.Get();
        if (!caller.IsAuthenticated)
            throw new UnauthenticatedException(caller.AuthenticationFailure is { } why
                ? $"The bearer token was rejected: {why}"
                : "This call needs a bearer token (authorization: Bearer …).");
        if (!caller.Has(required))
            throw new PermissionDeniedException($"{typeof(TRequest).Name.Replace("Command", "", StringComparison.Ordinal)} needs the role {required}; " +
                                                $"{caller.Name} has {(caller.Role.Length > 0 ? caller.Role : "no directory role")}.");
        return next();
    }
}
