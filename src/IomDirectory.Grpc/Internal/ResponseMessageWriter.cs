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
        var limit = call.Runtime.Options.MaxSendMessageSize;
        if (limit is { } max && size > max)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted,
                $"Sending message larger than max ({size} vs. {max})"));
        }

        call.MarkHeadersSent();
        var writer = call.HttpContext.Response.BodyWriter;
        if (call.ResponseEncoding is null)
        {
            var span = writer.GetSpan(GrpcProtocol.HeaderSize + size);
            span[0] = 0;
            BinaryPrimitives.WriteUInt32BigEndian(span[1..], (uint)size);
            message.WriteTo(span.Slice(GrpcProtocol.HeaderSize, size));
            writer.Advance(GrpcProtocol.HeaderSize + size);
            return;
        }

        var compressed = MessageCompression.CompressGzip(message.ToByteArray(), call.Runtime.Options.ResponseCompressionLevel);
        WriteFrame(writer, compressed, compressedFlag: true);
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
