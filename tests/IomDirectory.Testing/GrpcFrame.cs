using System.Buffers.Binary;
using Google.Protobuf;

namespace IomDirectory.Testing;

/// <summary>gRPC length-prefixed messages: flag byte 0, 4-byte big-endian length, payload.</summary>
public static class GrpcFrame
{
    public static byte[] Of(IMessage message) => Of(message.ToByteArray());

    public static byte[] Of(ReadOnlySpan<byte> payload, byte flag = 0, int? declaredLength = null)
    {
        var frame = new byte[5 + payload.Length];
        frame[0] = flag;
        BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(1), declaredLength ?? payload.Length);
        payload.CopyTo(frame.AsSpan(5));
        return frame;
    }
}
