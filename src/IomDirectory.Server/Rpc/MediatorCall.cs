using IomDirectory.Grpc;
using IomDirectory.Server.Security;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;

namespace IomDirectory.Server.Rpc;

/// <summary>Sends a request through the MediatR pipeline of the call's scope, with the call's cancellation.</summary>
internal static class MediatorCall
{
    /// <summary>A caller's correlation header, echoed in the response headers so helpdesk logs can be joined.</summary>
    public const string RequestIdHeader = "x-request-id";

    public static async Task<TResponse> Send<TResponse>(this ServerCallContext context, IRequest<TResponse> request)
    {
        if (context.RequestHeaders.GetValue(RequestIdHeader) is { Length: > 0 } requestId)
            await context.WriteResponseHeadersAsync(new Metadata { { RequestIdHeader, requestId } });
        await IdentifyCallerAsync(context);
        return await context.RequestServices.GetRequiredService<IMediator>().Send(request, context.CancellationToken);
    }

    /// <summary>
    /// Authenticates the bearer token, if the call carries one, and hands the principal (or why the token was
    /// rejected) to the call's scope. Calls without a token skip authentication entirely.
    /// </summary>
    private static async Task IdentifyCallerAsync(ServerCallContext context)
    {
        var http = context.HttpContext;
        if (!http.Request.Headers.ContainsKey("authorization")) return;
        var result = await http.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
        var caller = context.RequestServices.GetRequiredService<Caller>();
        if (result.Succeeded)
            caller.Set(result.Principal, null);
        else
            caller.Set(new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity()),
                result.Failure is null ? "the authorization header is not a bearer token" : TokenFailure.Describe(result.Failure));
    }
}
