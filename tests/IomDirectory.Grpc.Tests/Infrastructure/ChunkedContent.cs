using System.Net;

namespace IomDirectory.Grpc.Tests.Infrastructure;

/// <summary>
/// Request body written chunk by chunk with a flush after each (one DATA frame each), optionally held open
/// afterwards until <paramref name="holdOpen"/> completes.
/// </summary>
public sealed class ChunkedContent(IReadOnlyList<byte[]> chunks, Task? holdOpen = null) : HttpContent
{
    public static ChunkedContent ByteByByte(byte[] data) => new(data.Select(b => new[] { b }).ToArray());

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        foreach (var chunk in chunks)
        {
            await stream.WriteAsync(chunk);
            await stream.FlushAsync();
        }

        if (holdOpen is not null)
        {
            await holdOpen;
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
