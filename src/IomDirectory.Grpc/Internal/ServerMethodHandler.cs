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
