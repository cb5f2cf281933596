using IomDirectory.Grpc;
using IomDirectory.Server.Application;
using IomDirectory.Server.Security;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;

namespace IomDirectory.Server.Rpc;

/// <summary>Sends a request through the application's request pipeline, with the call's cancellation and caller.</summary>
internal static class MediatorCall
{
    /// <summary>A caller's correlation header, echoed in the response headers so helpdesk logs can be joined.</summary>
    public const string RequestIdHeader = "x-request-id";

    /// <summary>
    /// The common call (no token, no request id) goes straight to the pipeline: no DI scope, no header metadata, no
    /// async step of its own.
    /// </summary>
    public static Task<TResponse> Send<TResponse>(this ServerCallContext context, IRequest<TResponse> request)
    {
        var headers = context.HttpContext.Request.Headers;
        if (headers.Authorization.Count > 0 || headers.ContainsKey(RequestIdHeader))
            return SendWithHeadersAsync(context, request);
        return context.ApplicationServices.GetRequiredService<RequestPipelines>().Send(request, context.CancellationToken);
    }

    private static async Task<TResponse> SendWithHeadersAsync<TResponse>(ServerCallContext context, IRequest<TResponse> request)
    {
        if (context.RequestHeaders.GetValue(RequestIdHeader) is { Length: > 0 } requestId)
            await context.WriteResponseHeadersAsync(new Metadata { { RequestIdHeader, requestId } });
        var services = context.ApplicationServices;
        // Set here, it flows into the pipeline awaited below and ends with this method.
        if (await IdentifyCallerAsync(context) is { } caller)
            services.GetRequiredService<CurrentCaller>().Set(caller);
        return await services.GetRequiredService<RequestPipelines>().Send(request, context.CancellationToken);
    }

    /// <summary>
    /// Authenticates the bearer token, if the call carries one: the principal, or an anonymous caller with why the
    /// token was rejected. Null for calls without a token, which skip authentication entirely.
    /// </summary>
    private static async Task<Caller?> IdentifyCallerAsync(ServerCallContext context)
    {
        var http = context.HttpContext;
        if (http.Request.Headers.Authorization.Count == 0) return null;
        var result = await http.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
        if (result.Succeeded)
            return new Caller(result.Principal, null);
        return new Caller(new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity()),
            result.Failure is null ? "the authorization header is not a bearer token" : TokenFailure.Describe(result.Failure));
    }
}
