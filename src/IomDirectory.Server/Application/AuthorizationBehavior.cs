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
        Access.Demand(current.Get(), required, typeof(TRequest).Name.Replace("Command", "", StringComparison.Ordinal), "This call");
        return next();
    }
}
