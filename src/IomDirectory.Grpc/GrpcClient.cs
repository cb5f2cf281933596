using System.Net;
using System.Runtime.CompilerServices;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using IomDirectory.Grpc.Internal;

namespace IomDirectory.Grpc;

/// <summary>
/// A minimal gRPC client over HttpClient (HTTP/2; h2c prior knowledge for http:// addresses). Non-OK calls throw
/// <see cref="RpcException"/> with the status and trailers.
/// </summary>
public sealed class GrpcClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly GrpcClientOptions _options;

    public GrpcClient(Uri address, GrpcClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        _options = options ?? new GrpcClientOptions();
        var handler = _options.HttpHandler ?? new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        };
        _http = new HttpClient(handler, disposeHandler: _options.HttpHandler is null)
        {
            BaseAddress = address,
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _ownsHttp = true;
    }

    public GrpcClient(HttpClient http, GrpcClientOptions? options = null)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _options = options ?? new GrpcClientOptions();
    }

    public async Task<TResponse> UnaryAsync<TRequest, TResponse>(MethodDescriptor method, TRequest request, CallOptions? options = null)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>, new()
        => (await UnaryWithMetadataAsync<TRequest, TResponse>(method, request, options).ConfigureAwait(false)).Response;

    public async Task<UnaryResult<TResponse>> UnaryWithMetadataAsync<TRequest, TResponse>(
        MethodDescriptor method, TRequest request, CallOptions? options = null)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>, new()
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(request);
        options ??= new CallOptions();
        using var call = new ClientCall<TResponse>(_http, _options, options);
        await call.StartAsync(PathOf(method), request, options).ConfigureAwait(false);
        var response = await call.ReadNextAsync().ConfigureAwait(false);
        if (response is not null && await call.ReadNextAsync().ConfigureAwait(false) is not null)
        {
            throw new RpcException(new Status(StatusCode.Internal, "More than one response message on a unary call."));
        }

        var status = call.Finish();
        return response is null
            ? throw new RpcException(new Status(StatusCode.Internal, "No response message on a unary call."), call.Trailers)
            : new UnaryResult<TResponse>(response, call.ResponseHeaders, call.Trailers, status);
    }

    public async IAsyncEnumerable<TResponse> ServerStreamingAsync<TRequest, TResponse>(
        MethodDescriptor method, TRequest request, CallOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>, new()
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(request);
        options ??= new CallOptions();
        using var linked = cancellationToken.CanBeCanceled && options.CancellationToken.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(options.CancellationToken, cancellationToken)
            : null;
        if (cancellationToken.CanBeCanceled)
        {
            options = options with { CancellationToken = linked?.Token ?? cancellationToken };
        }

        using var call = new ClientCall<TResponse>(_http, _options, options);
        await call.StartAsync(PathOf(method), request, options).ConfigureAwait(false);
        while (await call.ReadNextAsync().ConfigureAwait(false) is { } response)
        {
            yield return response;
        }

        call.Finish();
    }

    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    private static string PathOf(MethodDescriptor method) => "/" + method.Service.FullName + "/" + method.Name;
}
