using System.IO.Compression;
using Grpc.Core;
using Grpc.Net.Compression;

namespace IomDirectory.Contracts.Transport;

/// <summary>
/// gzip for gRPC messages whose decompression stops at a limit. grpc-dotnet (server and client) inflates a compressed
/// message into an unbounded buffer and checks its receive limit only against the compressed length, so a 4 MiB
/// gzip bomb would become a gigabyte; registered as the "gzip" provider on both sides, this one ends the call with
/// RESOURCE_EXHAUSTED as soon as the inflated bytes pass the limit, having held at most that many.
/// </summary>
public sealed class BoundedGzipCompressionProvider : ICompressionProvider
{
    private readonly CompressionLevel _defaultLevel;

    public BoundedGzipCompressionProvider(int maxDecompressedBytes, CompressionLevel defaultLevel = CompressionLevel.Fastest)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxDecompressedBytes);
        MaxDecompressedBytes = maxDecompressedBytes;
        _defaultLevel = defaultLevel;
    }

    public string EncodingName => "gzip";

    /// <summary>The most bytes one message may inflate to.</summary>
    public int MaxDecompressedBytes { get; }

    public Stream CreateCompressionStream(Stream stream, CompressionLevel? compressionLevel) =>
        new GZipStream(stream, compressionLevel ?? _defaultLevel, leaveOpen: true);

    public Stream CreateDecompressionStream(Stream stream) =>
        new LimitedReadStream(new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true), MaxDecompressedBytes);

    /// <summary>Reads through to the inner stream and throws once more than the limit has been read.</summary>
    private sealed class LimitedReadStream(Stream inner, int limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            // Never ask for more than one byte past the limit, so the buffer behind us holds at most limit + 1 bytes.
            var allowed = (int)Math.Min(buffer.Length, limit + 1L - _read);
            var n = inner.Read(buffer[..Math.Max(allowed, 1)]);
            return Count(n);
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var allowed = (int)Math.Min(buffer.Length, limit + 1L - _read);
            var n = await inner.ReadAsync(buffer[..Math.Max(allowed, 1)], cancellationToken).ConfigureAwait(false);
            return Count(n);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Count(int n)
        {
            _read += n;
            if (_read > limit)
                throw new RpcException(new Status(StatusCode.ResourceExhausted,
                    $"The decompressed message exceeds the limit of {limit} bytes."));
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
