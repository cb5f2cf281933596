using System.IO.Compression;

namespace IomDirectory.Grpc;

/// <summary>Server-wide settings, configured through <see cref="GrpcServiceCollectionExtensions.AddGrpcServer"/>.</summary>
public sealed class GrpcServerOptions
{
    /// <summary>Largest request message accepted, before and after decompression (default 4 MiB).</summary>
    public int MaxReceiveMessageSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>Largest response message sent; null = unlimited. A larger one ends the call with RESOURCE_EXHAUSTED.</summary>
    public int? MaxSendMessageSize { get; set; }

    /// <summary>
    /// Serves "/grpc.benchmark.Bare/Echo": a canned empty gRPC response that bypasses binding and handlers,
    /// the framework's own ceiling for load tests. Off by default; the path answers UNIMPLEMENTED when off.
    /// </summary>
    public bool EnableBareBenchmarkEndpoint { get; set; }

    /// <summary>
    /// Compress responses with this algorithm ("gzip") when the client accepts it, even if the request was not
    /// compressed. Null (default): responses are compressed only when the request was compressed with an
    /// algorithm the client also accepts (grpc-dotnet's rule).
    /// </summary>
    public string? ResponseCompressionAlgorithm { get; set; }

    /// <summary>Compression level of gzip responses.</summary>
    public CompressionLevel ResponseCompressionLevel { get; set; } = CompressionLevel.Fastest;
}
