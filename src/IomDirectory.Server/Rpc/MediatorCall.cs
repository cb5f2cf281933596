using IomDirectory.Grpc;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace IomDirectory.Server.Rpc;

/// <summary>Sends a request through the MediatR pipeline of the call's scope, with the call's cancellation.</summary>
internal static class MediatorCall
{
    public static Task<TResponse> Send<TResponse>(this ServerCallContext context, IRequest<TResponse> request) =>
        context.RequestServices.GetRequiredService<IMediator>().Send(request, context.CancellationToken);
}
