using Grpc.Net.Client;

namespace IomDirectory.Contracts.Transport;

/// <summary>
/// The channel every .NET peer of the API uses (the CLI, the tests, the benchmarks): Grpc.Net.Client over HTTP/2
/// (h2c with prior knowledge for http:// addresses), with the bounded gzip in place of grpc-dotnet's own, so that a
/// server's compressed answer cannot inflate past the receive limit either.
/// </summary>
public static class Channels
{
    /// <summary>Grpc.Net.Client's default receive limit, kept.</summary>
    public const int DefaultMaxReceiveMessageSize = 4 * 1024 * 1024;

    public static GrpcChannel For(Uri address, int maxReceiveMessageSize = DefaultMaxReceiveMessageSize, HttpMessageHandler? handler = null) =>
        GrpcChannel.ForAddress(address, Options(maxReceiveMessageSize, handler));

    public static GrpcChannelOptions Options(int maxReceiveMessageSize = DefaultMaxReceiveMessageSize, HttpMessageHandler? handler = null) => new()
    {
        MaxReceiveMessageSize = maxReceiveMessageSize,
        CompressionProviders = [new BoundedGzipCompressionProvider(maxReceiveMessageSize)],
        HttpHandler = handler ?? new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        },
        DisposeHttpClient = true,
    };
}
