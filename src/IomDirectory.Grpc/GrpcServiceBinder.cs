using Google.Protobuf;
using Google.Protobuf.Reflection;
using IomDirectory.Grpc.Internal;

namespace IomDirectory.Grpc;

/// <summary>
/// Binds handlers to the methods of one protobuf service. Every bind is checked against the descriptor at startup:
/// the method must exist, have the matching streaming kind, and TRequest/TResponse must be its input/output types.
/// </summary>
public sealed class GrpcServiceBinder
{
    private readonly Dictionary<string, ServerMethodHandler> _handlers = new(StringComparer.Ordinal);

    internal GrpcServiceBinder(ServiceDescriptor service) => Service = service;

    /// <summary>The service being bound.</summary>
    public ServiceDescriptor Service { get; }

    internal IReadOnlyDictionary<string, ServerMethodHandler> Handlers => _handlers;

    public GrpcServiceBinder Unary<TRequest, TResponse>(string methodName, UnaryServerMethod<TRequest, TResponse> handler)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        ArgumentNullException.ThrowIfNull(handler);
        var method = Resolve<TRequest, TResponse>(methodName, clientStreaming: false, serverStreaming: false);
        return Add(new UnaryMethodHandler<TRequest, TResponse>(method, handler, static (call, response) => ResponseMessageWriter.Write(call, response)));
    }

    /// <summary>A unary method whose handler answers with the response already encoded (see <see cref="EncodedMessage{T}"/>).</summary>
    public GrpcServiceBinder UnaryEncoded<TRequest, TResponse>(string methodName, UnaryServerMethod<TRequest, EncodedMessage<TResponse>> handler)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        ArgumentNullException.ThrowIfNull(handler);
        var method = Resolve<TRequest, TResponse>(methodName, clientStreaming: false, serverStreaming: false);
        return Add(new UnaryMethodHandler<TRequest, EncodedMessage<TResponse>>(method, handler,
            static (call, response) => ResponseMessageWriter.Write(call, response.Bytes)));
    }

    public GrpcServiceBinder ServerStreaming<TRequest, TResponse>(
        string methodName, ServerStreamingServerMethod<TRequest, TResponse> handler)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        ArgumentNullException.ThrowIfNull(handler);
        var method = Resolve<TRequest, TResponse>(methodName, clientStreaming: false, serverStreaming: true);
        return Add(new ServerStreamingMethodHandler<TRequest, TResponse>(method, handler));
    }

    public GrpcServiceBinder DuplexStreaming<TRequest, TResponse>(
        string methodName, DuplexStreamingServerMethod<TRequest, TResponse> handler)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        ArgumentNullException.ThrowIfNull(handler);
        var method = Resolve<TRequest, TResponse>(methodName, clientStreaming: true, serverStreaming: true);
        return Add(new DuplexStreamingMethodHandler<TRequest, TResponse>(method, handler));
    }

    private GrpcServiceBinder Add(ServerMethodHandler handler)
    {
        if (!_handlers.TryAdd(handler.Method.Name, handler))
        {
            throw new InvalidOperationException($"Method {handler.Path} is bound twice.");
        }

        return this;
    }

    private MethodDescriptor Resolve<TRequest, TResponse>(string methodName, bool clientStreaming, bool serverStreaming)
        where TRequest : IMessage<TRequest>, new()
        where TResponse : IMessage<TResponse>, new()
    {
        var method = Service.FindMethodByName(methodName)
            ?? throw new InvalidOperationException($"Service {Service.FullName} has no method '{methodName}'.");
        if (method.IsClientStreaming != clientStreaming || method.IsServerStreaming != serverStreaming)
        {
            throw new InvalidOperationException(
                $"Method {Service.FullName}/{methodName} is {Describe(method.IsClientStreaming, method.IsServerStreaming)}, "
                + $"but was bound as {Describe(clientStreaming, serverStreaming)}.");
        }

        var requestType = MessageParserCache<TRequest>.Descriptor;
        if (requestType.FullName != method.InputType.FullName)
        {
            throw new InvalidOperationException(
                $"Method {Service.FullName}/{methodName} takes {method.InputType.FullName}, not {requestType.FullName}.");
        }

        var responseType = MessageParserCache<TResponse>.Descriptor;
        if (responseType.FullName != method.OutputType.FullName)
        {
            throw new InvalidOperationException(
                $"Method {Service.FullName}/{methodName} returns {method.OutputType.FullName}, not {responseType.FullName}.");
        }

        return method;
    }

    private static string Describe(bool clientStreaming, bool serverStreaming) => (clientStreaming, serverStreaming) switch
    {
        (false, false) => "unary",
        (false, true) => "server-streaming",
        (true, false) => "client-streaming",
        (true, true) => "bidirectional-streaming",
    };
}
