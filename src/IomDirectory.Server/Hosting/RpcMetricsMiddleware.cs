using System.Diagnostics;
using System.Runtime.CompilerServices;
using Grpc.Core;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace IomDirectory.Server.Hosting;

/// <summary>
/// Times every gRPC call (content type <c>application/grpc…</c>, which gRPC-Web's includes) into
/// <c>iomdir.rpc.server.duration</c>. The method label is the matched endpoint's full gRPC method name, never the
/// request path, so a client cannot invent label values: a call that matched no method is <c>unmatched</c>. The
/// status label is the canonical name of the <c>grpc-status</c> the call answered, read from the response headers
/// (Trailers-Only) or trailers. Must run after routing (the endpoint) and inside gRPC-Web's middleware: that one
/// writes the trailers into the body and takes its trailers feature away again when the call returns.
/// </summary>
internal static class RpcMetricsMiddleware
{
    public const string Unmatched = "unmatched";

    private static readonly string[] StatusNames =
    [
        "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS",
        "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED",
        "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED",
    ];

    public static IApplicationBuilder UseRpcMetrics(this IApplicationBuilder app)
    {
        var metrics = app.ApplicationServices.GetRequiredService<DirectoryMetrics>();
        return app.Use((context, next) => metrics.RecordsRpcs && IsGrpc(context.Request.ContentType)
            ? Timed(context, next, metrics)
            : next(context));
    }

    private static async Task Timed(HttpContext context, RequestDelegate next, DirectoryMetrics metrics)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            metrics.RpcCompleted(MethodOf(context), StatusOf(context), Stopwatch.GetElapsedTime(started));
        }
    }

    /// <summary>Named as in the proto (<c>package.Service/Method</c>); grpc-dotnet's FullName is the path, with a leading '/'.</summary>
    private static readonly ConditionalWeakTable<IMethod, string> MethodNames = new();

    private static string MethodOf(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method is { } method
            ? MethodNames.GetValue(method, static m => m.FullName.TrimStart('/'))
            : Unmatched;

    /// <summary>Headers first: a Trailers-Only answer has its status there, and reading them allocates nothing.</summary>
    internal static string StatusOf(HttpContext context)
    {
        var status = context.Response.Headers["grpc-status"];
        if (StringValues.IsNullOrEmpty(status) && context.Features.Get<IHttpResponseTrailersFeature>() is { } trailers)
            status = trailers.Trailers["grpc-status"];
        if (StringValues.IsNullOrEmpty(status))
            return context.RequestAborted.IsCancellationRequested ? StatusNames[1] : StatusNames[2];
        return StatusName(status.Count == 1 ? status[0] : null);
    }

    /// <summary>The canonical name of a grpc-status value; anything but 0-16 is UNKNOWN (a bounded set of labels).</summary>
    internal static string StatusName(string? value)
    {
        var code = value switch
        {
            [var d] when char.IsAsciiDigit(d) => d - '0',
            [var t, var u] when t is '1' && char.IsAsciiDigit(u) => 10 + (u - '0'),
            _ => -1,
        };
        return code >= 0 && code < StatusNames.Length ? StatusNames[code] : StatusNames[2];
    }

    private static bool IsGrpc(string? contentType) =>
        contentType is not null && contentType.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase);
}
