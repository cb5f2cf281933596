namespace IomDirectory.Server.Hosting;

/// <summary>
/// <c>POST /grpc.benchmark.Bare/Echo</c>, only with <c>--Grpc:EnableBareBenchmarkEndpoint=true</c> (never by a
/// default start): reads the request to its end and answers one empty gRPC message with grpc-status 0, without
/// grpc-dotnet, routing, binding, parsing or handlers: the first middleware, ahead of everything. The wire benchmark
/// divides every method's throughput by this one's: it is what Kestrel's HTTP/2 costs on its own.
/// </summary>
internal static class BareBenchmarkEndpoint
{
    public const string Path = "/grpc.benchmark.Bare/Echo";
    private static readonly byte[] EmptyMessage = new byte[5];

    public static IApplicationBuilder UseBareBenchmarkEndpoint(this IApplicationBuilder app) =>
        app.Use((context, next) => context.Request.Path == Path && HttpMethods.IsPost(context.Request.Method) ? AnswerAsync(context) : next(context));

    private static async Task AnswerAsync(HttpContext context)
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
    }
}
