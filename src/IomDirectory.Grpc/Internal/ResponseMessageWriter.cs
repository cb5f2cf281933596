using System.Buffers.Binary;
using System.IO.Pipelines;
using Google.Protobuf;

namespace IomDirectory.Grpc.Internal;

/// <summary>Writes a length-prefixed response message into the response pipe as one contiguous buffer.</summary>
internal static class ResponseMessageWriter
{
    /// <summary>Writes (does not flush) one message; the caller flushes for streaming calls.</summary>
    public static void Write(HttpServerCallContext call, IMessage message)
    {
        var size = message.CalculateSize();
        var writer = Start(call, size);
        if (call.ResponseEncoding is null)
        {
            var span = writer.GetSpan(GrpcProtocol.HeaderSize + size);
            span[0] = 0;
            BinaryPrimitives.WriteUInt32BigEndian(span[1..], (uint)size);
            message.WriteTo(span.Slice(GrpcProtocol.HeaderSize, size));
            writer.Advance(GrpcProtocol.HeaderSize + size);
            return;
        }

        WriteFrame(writer, MessageCompression.CompressGzip(message.ToByteArray(), call.Runtime.Options.ResponseCompressionLevel), compressedFlag: true);
    }

    /// <summary>Writes (does not flush) one message already encoded: a copy, or its compression.</summary>
    public static void Write(HttpServerCallContext call, ReadOnlySpan<byte> encoded)
    {
        var writer = Start(call, encoded.Length);
        if (call.ResponseEncoding is null)
        {
            WriteFrame(writer, encoded, compressedFlag: false);
            return;
        }

        WriteFrame(writer, MessageCompression.CompressGzip(encoded, call.Runtime.Options.ResponseCompressionLevel), compressedFlag: true);
    }

    /// <summary>Checks the send limit and marks the response started; returns the pipe to write to.</summary>
    private static PipeWriter Start(HttpServerCallContext call, int size)
    {
        var limit = call.Runtime.Options.MaxSendMessageSize;
        if (limit is { } max && size > max)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted,
                $"Sending message larger than max ({size} vs. {max})"));
        }

        call.MarkHeadersSent();
        return call.HttpContext.Response.BodyWriter;
    }

    public static void WriteFrame(PipeWriter writer, ReadOnlySpan<byte> payload, bool compressedFlag)
    {
        var span = writer.GetSpan(GrpcProtocol.HeaderSize + payload.Length);
        span[0] = compressedFlag ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32BigEndian(span[1..], (uint)payload.Length);
        payload.CopyTo(span[GrpcProtocol.HeaderSize..]);
        writer.Advance(GrpcProtocol.HeaderSize + payload.Length);
    }
}
