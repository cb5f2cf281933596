using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace IomDirectory.Contracts.Transport;

/// <summary>
/// Calls a method named by its protobuf <see cref="MethodDescriptor"/> on any <see cref="CallInvoker"/> (a
/// GrpcChannel's, usually). The CLI, the tests and the benchmarks pick methods from the descriptors (the same ones
/// reflection serves); this turns a descriptor into grpc-dotnet's <see cref="Method{TRequest,TResponse}"/> once.
/// </summary>
public static class DescriptorCalls
{
    public static Method<TRequest, TResponse> MethodOf<TRequest, TResponse>(MethodDescriptor method)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>, new()
        => Methods<TRequest, TResponse>.For(method);

    public static async Task<TResponse> UnaryAsync<TRequest, TResponse>(this CallInvoker invoker, MethodDescriptor method, TRequest request,
        CallOptions? options = null)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>, new()
    {
        using var call = invoker.AsyncUnaryCall(MethodOf<TRequest, TResponse>(method), null, options ?? default, request);
        return await call.ResponseAsync.ConfigureAwait(false);
    }

    /// <summary>A unary call with its response headers, trailers and status.</summary>
    public static async Task<UnaryResult<TResponse>> UnaryWithMetadataAsync<TRequest, TResponse>(this CallInvoker invoker, MethodDescriptor method,
        TRequest request, CallOptions? options = null)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>, new()
    {
        using var call = invoker.AsyncUnaryCall(MethodOf<TRequest, TResponse>(method), null, options ?? default, request);
        var response = await call.ResponseAsync.ConfigureAwait(false);
        var headers = await call.ResponseHeadersAsync.ConfigureAwait(false);
        return new UnaryResult<TResponse>(response, headers, call.GetTrailers(), call.GetStatus());
    }

    public static async IAsyncEnumerable<TResponse> ServerStreamingAsync<TRequest, TResponse>(this CallInvoker invoker, MethodDescriptor method,
        TRequest request, CallOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>, new()
    {
        var callOptions = options ?? default;
        if (cancellationToken.CanBeCanceled && !callOptions.CancellationToken.CanBeCanceled)
            callOptions = callOptions.WithCancellationToken(cancellationToken);
        using var call = invoker.AsyncServerStreamingCall(MethodOf<TRequest, TResponse>(method), null, callOptions, request);
        while (await call.ResponseStream.MoveNext(cancellationToken).ConfigureAwait(false))
            yield return call.ResponseStream.Current;
    }

    private static class Methods<TRequest, TResponse>
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>, new()
    {
        private static readonly ConcurrentDictionary<MethodDescriptor, Method<TRequest, TResponse>> Cache = new();
        // A client only writes requests and reads responses.
        private static readonly Marshaller<TRequest> RequestMarshaller = Marshallers.Create<TRequest>(m => m.ToByteArray(),
            _ => throw new NotSupportedException("A client does not read requests."));
        private static readonly Marshaller<TResponse> ResponseMarshaller = Marshallers.Create(m => m.ToByteArray(), new MessageParser<TResponse>(() => new TResponse()).ParseFrom);

        public static Method<TRequest, TResponse> For(MethodDescriptor method) => Cache.GetOrAdd(method, static m =>
        {
            if (m.InputType.ClrType != typeof(TRequest) || m.OutputType.ClrType != typeof(TResponse))
                throw new ArgumentException($"{m.FullName} takes {m.InputType.FullName} and returns {m.OutputType.FullName}.", nameof(method));
            var type = (m.IsClientStreaming, m.IsServerStreaming) switch
            {
                (false, false) => MethodType.Unary,
                (false, true) => MethodType.ServerStreaming,
                (true, false) => MethodType.ClientStreaming,
                _ => MethodType.DuplexStreaming,
            };
            return new Method<TRequest, TResponse>(type, m.Service.FullName, m.Name, RequestMarshaller, ResponseMarshaller);
        });
    }
}

/// <summary>A completed unary call with its metadata.</summary>
public sealed record UnaryResult<TResponse>(TResponse Response, Metadata ResponseHeaders, Metadata Trailers, Status Status);
