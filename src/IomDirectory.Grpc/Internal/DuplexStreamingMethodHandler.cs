using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace IomDirectory.Grpc.Internal;

/// <summary>Bidirectional streaming: request and response streams handed to the application.</summary>
internal sealed class DuplexStreamingMethodHandler<TRequest, TResponse>(
    MethodDescriptor method, DuplexStreamingServerMethod<TRequest, TResponse> handler)
    : ServerMethodHandler(method)
    where TRequest : class, IMessage<TRequest>, new()
    where TResponse : class, IMessage<TResponse>
{
    private readonly MessageParser<TRequest> _parser = CreateParser<TRequest>();

    public override bool IsStreaming => true;

    public override Task HandleAsync(HttpServerCallContext call) =>
        handler(new RequestStreamReader<TRequest>(call, _parser), new ResponseStreamWriter<TResponse>(call), call);
}
