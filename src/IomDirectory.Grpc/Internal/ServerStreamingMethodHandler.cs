using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace IomDirectory.Grpc.Internal;

/// <summary>Server streaming: exactly one request message, responses flushed one by one.</summary>
internal sealed class ServerStreamingMethodHandler<TRequest, TResponse>(
    MethodDescriptor method, ServerStreamingServerMethod<TRequest, TResponse> handler)
    : ServerMethodHandler(method)
    where TRequest : class, IMessage<TRequest>, new()
    where TResponse : class, IMessage<TResponse>
{
    private readonly MessageParser<TRequest> _parser = CreateParser<TRequest>();

    public override async Task HandleAsync(HttpServerCallContext call)
    {
        var request = await RequestMessageReader.ReadSingleAsync(call, _parser, call.CancellationToken).ConfigureAwait(false);
        await handler(request, new ResponseStreamWriter<TResponse>(call), call).ConfigureAwait(false);
    }
}
