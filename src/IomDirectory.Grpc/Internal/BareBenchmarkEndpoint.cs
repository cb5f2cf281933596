using Microsoft.AspNetCore.Http;

namespace IomDirectory.Grpc.Internal;

/// <summary>
/// "/grpc.benchmark.Bare/Echo": reads the request body to its end, answers one empty message and grpc-status 0,
/// without binding, parsing or handlers. The ceiling a real unary call is compared with in load tests.
/// </summary>
internal static class BareBenchmarkEndpoint
{
    public const string Path = "/grpc.benchmark.Bare/Echo";

    private static readonly byte[] EmptyMessage = [0, 0, 0, 0, 0];

    public static async Task HandleAsync(HttpContext context)
    {
        var reader = context.Request.BodyReader;
        while (true)
        {
            var result = await reader.ReadAsync(context.RequestAborted).ConfigureAwait(false);
            reader.AdvanceTo(result.Buffer.End);
            if (result.IsCompleted || result.IsCanceled)
            {
                break;
            }
        }

        var response = context.Response;
        response.ContentType = GrpcProtocol.ContentType;
        var span = response.BodyWriter.GetSpan(EmptyMessage.Length);
        EmptyMessage.CopyTo(span);
        response.BodyWriter.Advance(EmptyMessage.Length);
        response.AppendTrailer(GrpcProtocol.StatusHeader, "0");
    }
}
