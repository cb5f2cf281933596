using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using Google.Protobuf;

namespace IomDirectory.Grpc.Internal;

/// <summary>
/// Reads length-prefixed messages from the request body pipe, across any DATA frame boundaries.
/// The size limit is checked from the 5-byte header, before the payload is read.
/// </summary>
internal static class RequestMessageReader
{
    /// <summary>The next message, or null at a clean end of the request stream.</summary>
    public static async ValueTask<T?> ReadAsync<T>(HttpServerCallContext call, MessageParser<T> parser, CancellationToken cancellationToken)
        where T : class, IMessage<T> =>
        (await ReadMessageAsync(call, parser, cancellationToken).ConfigureAwait(false)).Message;

    /// <summary>
    /// The next message (null at a clean end), and whether the request stream is known to end right after it: the
    /// client closed it and nothing follows in the buffer, as when a unary request arrives whole.
    /// </summary>
    private static async ValueTask<(T? Message, bool AtEnd)> ReadMessageAsync<T>(HttpServerCallContext call, MessageParser<T> parser,
        CancellationToken cancellationToken)
        where T : class, IMessage<T>
    {
        var reader = call.HttpContext.Request.BodyReader;
        var result = await NextAsync(reader, 0, cancellationToken).ConfigureAwait(false);
        while (true)
        {
            var buffer = result.Buffer;
            if (buffer.Length >= GrpcProtocol.HeaderSize)
            {
                var (compressed, length) = ReadHeader(buffer, call, reader);
                var total = GrpcProtocol.HeaderSize + (long)length;
                if (buffer.Length >= total)
                {
                    var payload = buffer.Slice(GrpcProtocol.HeaderSize, length);
                    try
                    {
                        return (Parse(payload, compressed, call, parser), result.IsCompleted && buffer.Length == total);
                    }
                    finally
                    {
                        reader.AdvanceTo(payload.End);
                    }
                }

                if (result.IsCompleted)
                {
                    reader.AdvanceTo(buffer.End);
                    throw Internal($"Incomplete message: the request ended after {buffer.Length - GrpcProtocol.HeaderSize} of {length} payload bytes.");
                }

                reader.AdvanceTo(buffer.Start, buffer.End);
                result = await NextAsync(reader, (int)total, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (result.IsCompleted)
            {
                reader.AdvanceTo(buffer.End);
                if (buffer.Length == 0)
                {
                    return (null, true);
                }

                throw Internal($"Incomplete message: the request ended after {buffer.Length} of 5 header bytes.");
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
            result = await NextAsync(reader, 0, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Reads exactly one message (unary and server-streaming requests). A request that arrived whole needs no
    /// second read to see its end.
    /// </summary>
    public static async ValueTask<T> ReadSingleAsync<T>(HttpServerCallContext call, MessageParser<T> parser, CancellationToken cancellationToken)
        where T : class, IMessage<T>
    {
        var (message, atEnd) = await ReadMessageAsync(call, parser, cancellationToken).ConfigureAwait(false);
        if (message is null)
        {
            throw Internal("No request message: a unary request needs exactly one message.");
        }

        if (atEnd)
        {
            return message;
        }

        var reader = call.HttpContext.Request.BodyReader;
        var result = await NextAsync(reader, 0, cancellationToken).ConfigureAwait(false);
        while (result.Buffer.Length == 0 && !result.IsCompleted)
        {
            reader.AdvanceTo(result.Buffer.End);
            result = await NextAsync(reader, 0, cancellationToken).ConfigureAwait(false);
        }

        var extra = result.Buffer.Length;
        reader.AdvanceTo(result.Buffer.End);
        if (extra > 0)
        {
            throw Internal("More than one request message: a unary request needs exactly one message.");
        }

        return message;
    }

    private static (bool Compressed, int Length) ReadHeader(ReadOnlySequence<byte> buffer, HttpServerCallContext call, PipeReader reader)
    {
        Span<byte> header = stackalloc byte[GrpcProtocol.HeaderSize];
        buffer.Slice(0, GrpcProtocol.HeaderSize).CopyTo(header);
        var flag = header[0];
        var length = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
        var limit = call.Runtime.Options.MaxReceiveMessageSize;
        if (flag > 1)
        {
            reader.AdvanceTo(buffer.End);
            throw Internal($"Invalid message flag byte {flag}: only 0 (uncompressed) and 1 (compressed) are defined.");
        }

        if (length > (uint)limit)
        {
            reader.AdvanceTo(buffer.End);
            throw new RpcException(new Status(StatusCode.ResourceExhausted,
                $"Received message larger than max ({length} vs. {limit})"));
        }

        if (flag == 1 && call.RequestEncoding is null)
        {
            reader.AdvanceTo(buffer.End);
            throw Internal("Message has the compressed flag set but the request has no grpc-encoding (or identity).");
        }

        return (flag == 1, (int)length);
    }

    private static T Parse<T>(ReadOnlySequence<byte> payload, bool compressed, HttpServerCallContext call, MessageParser<T> parser)
        where T : class, IMessage<T>
    {
        try
        {
            if (!compressed)
            {
                return payload.IsSingleSegment ? parser.ParseFrom(payload.FirstSpan) : parser.ParseFrom(payload);
            }

            var limit = call.Runtime.Options.MaxReceiveMessageSize;
            var decompressed = MessageCompression.DecompressGzip(payload, limit);
            if (decompressed.OverLimit)
            {
                throw new RpcException(new Status(StatusCode.ResourceExhausted,
                    $"Received message larger than max after decompression (over {limit} bytes)"));
            }

            try
            {
                return parser.ParseFrom(decompressed.Buffer!, 0, decompressed.Length);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(decompressed.Buffer!);
            }
        }
        catch (InvalidProtocolBufferException)
        {
            throw Internal("Failed to deserialize the request message.");
        }
        catch (InvalidDataException)
        {
            throw Internal("Failed to decompress the request message (invalid gzip data).");
        }
    }

    /// <summary>
    /// The next read of the request body (at least <paramref name="minimum"/> bytes when positive). When the client
    /// resets the stream or drops the connection, Kestrel fails the read with an IOException a moment before
    /// RequestAborted fires: that is a cancelled call, not a server fault to log with a stack trace. A
    /// BadHttpRequestException (also an IOException) is Kestrel refusing the request and keeps its own meaning.
    /// </summary>
    private static async ValueTask<ReadResult> NextAsync(PipeReader reader, int minimum, CancellationToken cancellationToken)
    {
        try
        {
            return minimum > 0
                ? await reader.ReadAtLeastAsync(minimum, cancellationToken).ConfigureAwait(false)
                : await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException exception) when (exception is not Microsoft.AspNetCore.Http.BadHttpRequestException)
        {
            throw new RpcException(new Status(StatusCode.Cancelled, "The client reset the request stream."), null, exception.Message);
        }
    }

    private static RpcException Internal(string detail) => new(new Status(StatusCode.Internal, detail));
}
