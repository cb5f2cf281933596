using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace IomDirectory.Grpc.Internal;

/// <summary>A bound method: knows how to read its request, invoke the application handler and write responses.</summary>
internal abstract class ServerMethodHandler(MethodDescriptor method)
{
    /// <summary>"/package.Service/Method".</summary>
    public string Path { get; } = "/" + method.Service.FullName + "/" + method.Name;

    public MethodDescriptor Method { get; } = method;

    /// <summary>True for calls whose request is a stream (bidi): request limits are lifted for them.</summary>
    public virtual bool IsStreaming => false;

    /// <summary>Runs the call; any exception is turned into a status by the caller.</summary>
    public abstract Task HandleAsync(HttpServerCallContext call);

    protected static MessageParser<T> CreateParser<T>()
        where T : IMessage<T>, new() => MessageParserCache<T>.Parser;
}

/// <summary>One parser per message type, created once.</summary>
internal static class MessageParserCache<T>
    where T : IMessage<T>, new()
{
    public static readonly MessageParser<T> Parser = new(() => new T());

    public static readonly MessageDescriptor Descriptor = new T().Descriptor;
}

internal sealed class UnaryMethodHandler<TRequest, TResponse>(MethodDescriptor method, UnaryServerMethod<TRequest, TResponse> handler)
    : ServerMethodHandler(method)
    where TRequest : class, IMessage<TRequest>, new()
    where TResponse : class, IMessage<TResponse>
{
    private readonly MessageParser<TRequest> _parser = CreateParser<TRequest>();

    public override async Task HandleAsync(HttpServerCallContext call)
    {
        var request = await RequestMessageReader.ReadSingleAsync(call, _parser, call.CancellationToken).ConfigureAwait(false);
        var response = await handler(request, call).ConfigureAwait(false);
        if (call.Status.StatusCode != StatusCode.OK)
        {
            return;
        }

        if (response is null)
        {
            throw new InvalidOperationException($"Handler of {Path} returned a null response.");
        }

        ResponseMessageWriter.Write(call, response);
    }
}

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
