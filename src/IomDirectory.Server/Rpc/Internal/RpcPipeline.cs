using Grpc.Core;
using IomDirectory.Server.Application;
using IomDirectory.Server.Security;
using MediatR;
using Microsoft.AspNetCore.Authentication;

namespace IomDirectory.Server.Rpc.Internal;

/// <summary>
/// Sends a call's request through the application's request pipeline, with the call's cancellation (which grpc-dotnet
/// fires on deadline and on client reset) and its caller. The gRPC services hold one and do nothing else but map.
/// </summary>
public sealed class RpcPipeline(RequestPipelines pipelines, CurrentCaller currentCaller)
{
    /// <summary>A caller's correlation header, echoed in the response headers so helpdesk logs can be joined.</summary>
    public const string RequestIdHeader = "x-request-id";

    /// <summary>The longest x-request-id echoed back; a longer one is cut.</summary>
    public const int MaxRequestIdLength = 128;

    /// <summary>
    /// The common call (no token, no request id) goes straight to the pipeline: no header metadata, no async step of
    /// its own.
    /// </summary>
    public Task<TResponse> Send<TResponse>(ServerCallContext context, IRequest<TResponse> request)
    {
        var headers = context.GetHttpContext().Request.Headers;
        if (headers.Authorization.Count > 0 || headers.ContainsKey(RequestIdHeader))
            return SendWithHeadersAsync(context, request);
        return pipelines.Send(request, context.CancellationToken);
    }

    private async Task<TResponse> SendWithHeadersAsync<TResponse>(ServerCallContext context, IRequest<TResponse> request)
    {
        var http = context.GetHttpContext();
        if (http.Request.Headers[RequestIdHeader].ToString() is { Length: > 0 } requestId)
            await context.WriteResponseHeadersAsync(new Metadata { { RequestIdHeader, Printable(requestId) } });
        // Set here, it flows into the pipeline awaited below and ends with this method.
        if (await IdentifyCallerAsync(http) is { } caller)
            currentCaller.Set(caller);
        return await pipelines.Send(request, context.CancellationToken);
    }

    /// <summary>
    /// Authenticates the bearer token, if the call carries one, with the scheme its issuer and algorithm point to (the
    /// local key or the identity provider; no network call once the provider's keys are cached): the principal, or an
    /// anonymous caller with why the token was rejected. Null for calls without a token, which skip authentication entirely.
    /// </summary>
    public static async Task<Caller?> IdentifyCallerAsync(HttpContext http)
    {
        if (http.Request.Headers.Authorization.Count == 0) return null;
        var (scheme, refused) = http.RequestServices.GetRequiredService<TokenSchemes>().Choose(http.Request.Headers.Authorization.ToString());
        if (scheme is null)
            return Rejected(refused!);
        var result = await http.AuthenticateAsync(scheme);
        if (result.Succeeded)
            return new Caller(result.Principal, null);
        return Rejected(result.Failure is null ? "the authorization header is not a bearer token" : TokenFailure.Describe(result.Failure));
    }

    private static Caller Rejected(string why) =>
        new(new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity()), why);

    private static string Printable(string value)
    {
        var cut = value.Length > MaxRequestIdLength ? value[..MaxRequestIdLength] : value;
        return string.Create(cut.Length, cut, static (span, s) =>
        {
            for (var i = 0; i < s.Length; i++)
                span[i] = s[i] is >= ' ' and <= '~' ? s[i] : '?';
        });
    }
}
