using System.Buffers;
using System.IO.Compression;

namespace IomDirectory.Grpc.Internal;

/// <summary>gzip for message payloads; decompression never holds more than the receive limit.</summary>
internal static class MessageCompression
{
    /// <summary>Result of a bounded decompression: a pooled buffer (return it) or "over the limit".</summary>
    public readonly record struct Decompressed(byte[]? Buffer, int Length, bool OverLimit);

    public static Decompressed DecompressGzip(ReadOnlySequence<byte> payload, int maxLength)
    {
        var compressed = ArrayPool<byte>.Shared.Rent((int)payload.Length);
        byte[]? output = null;
        try
        {
            payload.CopyTo(compressed);
            using var source = new MemoryStream(compressed, 0, (int)payload.Length, writable: false);
            using var gzip = new GZipStream(source, CompressionMode.Decompress);
            var limit = maxLength + 1; // one byte more than allowed tells "too large" without reading further
            output = ArrayPool<byte>.Shared.Rent(Math.Min(limit, Math.Max(4096, (int)Math.Min(payload.Length * 4L, limit))));
            var total = 0;
            while (true)
            {
                var capacity = Math.Min(output.Length, limit);
                if (total == capacity)
                {
                    if (capacity >= limit)
                    {
                        break;
                    }

                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)output.Length * 2, limit));
                    output.AsSpan(0, total).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(output);
                    output = larger;
                    continue;
                }

                var read = gzip.Read(output, total, capacity - total);
                if (read == 0)
                {
                    break;
                }

                total += read;
            }

            if (total > maxLength)
            {
                ArrayPool<byte>.Shared.Return(output);
                output = null;
                return new Decompressed(null, 0, OverLimit: true);
            }

            var result = new Decompressed(output, total, OverLimit: false);
            output = null;
            return result;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(compressed);
            if (output is not null)
            {
                ArrayPool<byte>.Shared.Return(output);
            }
        }
    }

    public static byte[] CompressGzip(ReadOnlySpan<byte> data, CompressionLevel level)
    {
        using var target = new MemoryStream(data.Length / 2 + 64);
        using (var gzip = new GZipStream(target, level, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return target.ToArray();
    }
}
