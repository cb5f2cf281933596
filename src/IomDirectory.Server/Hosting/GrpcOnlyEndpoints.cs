using Microsoft.AspNetCore.Connections;

namespace IomDirectory.Server.Hosting;

/// <summary>
/// The gRPC endpoints (<c>--urls</c>) serve gRPC and nothing else: the pages, the HTTP/JSON routes and
/// <c>/metrics</c> answer on the web endpoints (<c>--web-urls</c>) only, so that an operator who exposes one port
/// exposes one surface, with that surface's limits. A connection accepted on a gRPC endpoint carries
/// <see cref="Marker"/>; a request on it that reaches a page, a JSON route, <c>/metrics</c> or no endpoint, and whose
/// content type is not <c>application/grpc…</c>, gets a plain 404. A request for a gRPC method with another content
/// type still gets grpc-dotnet's own answer (415 with a grpc-status), as gRPC clients expect.
/// With <c>Kestrel:Endpoints</c> configured instead, no endpoint is marked and every one serves everything.
/// Every answer that is not gRPC (pages, JSON, the stylesheet, metrics) says <c>X-Content-Type-Options: nosniff</c>.
/// </summary>
internal static class GrpcOnlyEndpoints
{
    /// <summary>Put on the connections of a gRPC endpoint (a connection feature, which Kestrel shows every request on it).</summary>
    public sealed class Marker
    {
        public static readonly Marker Instance = new();
        private Marker() { }
    }

    /// <summary>
    /// Put on a gRPC-Web request before grpc-dotnet's gRPC-Web middleware presents it as gRPC (HTTP/2,
    /// <c>application/grpc</c>), so what needs to tell them apart later still can.
    /// </summary>
    public sealed class GrpcWebRequest
    {
        public static readonly GrpcWebRequest Instance = new();
        private GrpcWebRequest() { }
    }

    private static bool IsGrpcMethod(Endpoint? endpoint) =>
        endpoint?.Metadata.GetMetadata<Grpc.AspNetCore.Server.GrpcMethodMetadata>() is not null
        && endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Grpc.JsonTranscoding.GrpcJsonTranscodingMetadata>() is null;

    public static void Mark(Microsoft.AspNetCore.Server.Kestrel.Core.ListenOptions listen) =>
        listen.Use(next => connection =>
        {
            connection.Features.Set(Marker.Instance);
            return next(connection);
        });

    public static IApplicationBuilder UseGrpcOnlyEndpoints(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var contentType = context.Request.ContentType;
            if (contentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true)
            {
                if (contentType.StartsWith("application/grpc-web", StringComparison.OrdinalIgnoreCase))
                    context.Features.Set(GrpcWebRequest.Instance);
                return next(context);
            }
            context.Response.Headers.XContentTypeOptions = "nosniff";
            if (context.Features.Get<Marker>() is null || IsGrpcMethod(context.GetEndpoint()))
                return next(context);
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
}
