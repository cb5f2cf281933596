using IomDirectory.Grpc;
using MediatR;
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
        return await context.RequestServices.GetRequiredService<IMediator>().Send(request, context.CancellationToken);
    }
}
