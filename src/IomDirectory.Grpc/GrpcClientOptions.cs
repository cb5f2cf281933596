using System.IO.Compression;

namespace IomDirectory.Grpc;

/// <summary>Settings of a <see cref="GrpcClient"/>.</summary>
public sealed class GrpcClientOptions
{
    /// <summary>Largest response message accepted, before and after decompression (default 4 MiB).</summary>
    public int MaxReceiveMessageSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>Handler to send requests through; default a SocketsHttpHandler (h2c prior knowledge for http://).</summary>
    public HttpMessageHandler? HttpHandler { get; set; }

    /// <summary>Level used when <see cref="CallOptions.CompressRequest"/> is set.</summary>
    public CompressionLevel RequestCompressionLevel { get; set; } = CompressionLevel.Fastest;
}
