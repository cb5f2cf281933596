namespace IomDirectory.Server.Hosting;

/// <summary>
/// <c>POST /grpc.benchmark.Bare/Echo</c>, only with <c>--Grpc:EnableBareBenchmarkEndpoint=true</c> (never by a
/// default start): reads the request to its end and answers one empty gRPC message with grpc-status 0, without
/// grpc-dotnet, binding, parsing or handlers. The wire benchmark divides every method's throughput by this one's:
/// it is what Kestrel's HTTP/2 and endpoint routing cost on their own.
/// </summary>
internal static class BareBenchmarkEndpoint
{
    public const string Path = "/grpc.benchmark.Bare/Echo";
    private static readonly byte[] EmptyMessage = new byte[5];

    public static void MapBareBenchmarkEndpoint(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(Path, async context =>
        {
            var body = context.Request.BodyReader;
            while (true)
            {
                var read = await body.ReadAsync(context.RequestAborted);
                body.AdvanceTo(read.Buffer.End);
                if (read.IsCompleted) break;
            }
            var response = context.Response;
            response.ContentType = "application/grpc";
            await response.Body.WriteAsync(EmptyMessage, context.RequestAborted);
            response.AppendTrailer("grpc-status", "0");
        });
}
