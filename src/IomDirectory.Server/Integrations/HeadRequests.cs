namespace IomDirectory.Server.Integrations;

/// <summary>
/// <c>HEAD</c> wherever <c>GET</c> works (pages, the stylesheet, the JSON GET routes, <c>/openapi.json</c>,
/// <c>/metrics</c>): first in the pipeline, a HEAD request is handled as the GET it stands for, so its headers are
/// the GET's (compression and Content-Length included). Kestrel knows the request came as HEAD (it parsed the method
/// before this rename) and sends no body, as RFC 9110 §9.3.2 requires. A gRPC request (application/grpc…) is left
/// alone: gRPC is POST only.
/// </summary>
internal static class HeadRequests
{
    public static IApplicationBuilder UseHeadAsGet(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (!HttpMethods.IsHead(request.Method) || request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true)
            {
                await next(context);
                return;
            }
            request.Method = HttpMethods.Get;
            try
            {
                await next(context);
            }
            finally
            {
                request.Method = HttpMethods.Head;   // as logged and measured
            }
        });
}
