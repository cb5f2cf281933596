using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;

namespace IomDirectory.Testing.Reliability;

/// <summary>
/// A bare HTTP/2 client connection on a socket, for sending frames no HTTP library would: connection preface,
/// SETTINGS, then whatever frames a test writes; reads the server's frames back and reports how it answered.
/// Header blocks use HPACK literals without Huffman coding (enough to build a request; answers are not decoded).
/// </summary>
public sealed class RawHttp2Connection : IAsyncDisposable
{
    public const byte Data = 0x0, Headers = 0x1, RstStream = 0x3, Settings = 0x4, Ping = 0x6, GoAway = 0x7, WindowUpdate = 0x8;
    public const byte EndStream = 0x1, EndHeaders = 0x4, Padded = 0x8, Ack = 0x1;
    private static readonly byte[] Preface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"u8.ToArray();

    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;
    private bool _closedByServer;

    private RawHttp2Connection(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
    }

    public static async Task<RawHttp2Connection> OpenAsync(Uri address)
    {
        var tcp = new TcpClient { NoDelay = true };
        await tcp.ConnectAsync(address.Host, address.Port);
        var connection = new RawHttp2Connection(tcp);
        await connection.WriteRawAsync(Preface);
        await connection.WriteFrameAsync(Settings, 0, 0, []);
        return connection;
    }

    /// <summary>
    /// Writes unless the server has closed the connection. A server may answer a connection error with GOAWAY and
    /// close while the client is still writing (the rest of an oversized frame, the DATA after a zero WINDOW_UPDATE,
    /// the ACK of the server's SETTINGS); that write fails with EPIPE or ECONNRESET, yet the GOAWAY is already in the
    /// receive buffer (Linux keeps received bytes readable after a reset). So a failed write is not an outcome: the
    /// answer is whatever the server sent, read by <see cref="AwaitAnswerAsync"/>.
    /// </summary>
    public async Task WriteRawAsync(byte[] bytes)
    {
        if (_closedByServer) return;
        try
        {
            await _stream.WriteAsync(bytes);
        }
        catch (IOException)
        {
            _closedByServer = true;
        }
    }

    public Task WriteFrameAsync(byte type, byte flags, int streamId, ReadOnlySpan<byte> payload, int? declaredLength = null) =>
        WriteRawAsync(Frame(type, flags, streamId, payload, declaredLength));

    public static byte[] Frame(byte type, byte flags, int streamId, ReadOnlySpan<byte> payload, int? declaredLength = null)
    {
        var frame = new byte[9 + payload.Length];
        var length = declaredLength ?? payload.Length;
        frame[0] = (byte)(length >> 16);
        frame[1] = (byte)(length >> 8);
        frame[2] = (byte)length;
        frame[3] = type;
        frame[4] = flags;
        BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(5), streamId & int.MaxValue);
        payload.CopyTo(frame.AsSpan(9));
        return frame;
    }

    /// <summary>A request header block: HPACK "literal without indexing, new name" for every field.</summary>
    public static byte[] RequestHeaders(string authority, string path, params (string Name, string Value)[] extra)
    {
        var block = new List<byte>();
        foreach (var (name, value) in new[] { (":method", "POST"), (":scheme", "http"), (":path", path), (":authority", authority),
                     ("content-type", "application/grpc"), ("te", "trailers") }.Concat(extra))
        {
            block.Add(0x00);
            Literal(block, name);
            Literal(block, value);
        }
        return [.. block];
    }

    public void HalfClose()
    {
        if (!_closedByServer) _tcp.Client.Shutdown(SocketShutdown.Send);
    }

    /// <summary>
    /// Reads frames until the server answers stream <paramref name="streamId"/>, resets it, sends GOAWAY, or closes.
    /// A close or reset before any of these is <see cref="JunkOutcome.ConnectionLost"/> (unless the client cut its
    /// own frame short); silence until <paramref name="timeout"/> is <see cref="JunkOutcome.NoAnswer"/>.
    /// </summary>
    public async Task<JunkOutcome> AwaitAnswerAsync(int streamId, TimeSpan timeout, bool truncatedByClient = false)
    {
        using var limit = new CancellationTokenSource(timeout);
        var header = new byte[9];
        try
        {
            while (true)
            {
                if (!await ReadExactlyAsync(header, limit.Token))
                    return Closed(truncatedByClient);
                var length = (header[0] << 16) | (header[1] << 8) | header[2];
                var (type, flags, stream) = (header[3], header[4], BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(5)) & int.MaxValue);
                var payload = new byte[length];
                if (!await ReadExactlyAsync(payload, limit.Token))
                    return Closed(truncatedByClient);
                switch (type)
                {
                    case GoAway: return JunkOutcome.ConnectionGoAway;
                    case RstStream when stream == streamId: return JunkOutcome.StreamReset;
                    case Headers when stream == streamId && (flags & EndStream) != 0: return JunkOutcome.GrpcStatus;
                    case Settings when (flags & Ack) == 0: await WriteFrameAsync(Settings, Ack, 0, []); break;
                    case Ping when (flags & Ack) == 0: await WriteFrameAsync(Ping, Ack, 0, payload); break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            return JunkOutcome.NoAnswer;
        }
        catch (IOException)
        {
            return Closed(truncatedByClient);
        }
    }

    private static JunkOutcome Closed(bool truncatedByClient) => truncatedByClient ? JunkOutcome.ClosedAfterTruncation : JunkOutcome.ConnectionLost;

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        _tcp.Dispose();
    }

    private async Task<bool> ReadExactlyAsync(byte[] buffer, CancellationToken ct)
    {
        try
        {
            await _stream.ReadExactlyAsync(buffer, ct);
            return true;
        }
        catch (EndOfStreamException)
        {
            return false;
        }
    }

    private static void Literal(List<byte> block, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Integer(block, bytes.Length, 7, 0x00);
        block.AddRange(bytes);
    }

    /// <summary>HPACK integer with an N-bit prefix (RFC 7541 §5.1).</summary>
    private static void Integer(List<byte> block, int value, int prefixBits, byte firstByteFlags)
    {
        var max = (1 << prefixBits) - 1;
        if (value < max)
        {
            block.Add((byte)(firstByteFlags | value));
            return;
        }
        block.Add((byte)(firstByteFlags | max));
        for (value -= max; value >= 128; value >>= 7) block.Add((byte)(value % 128 + 128));
        block.Add((byte)value);
    }
}
