using Google.Protobuf;

namespace IomDirectory.Grpc;

/// <summary>
/// A response message encoded once, for a server that answers the same immutable message to many calls and keeps
/// it: writing it to a call is a copy of its bytes, not a serialization. Handlers bound with
/// <see cref="GrpcServiceBinder.UnaryEncoded{TRequest,TResponse}"/> return it.
/// </summary>
public sealed class EncodedMessage<T>
    where T : IMessage<T>
{
    private readonly byte[] _bytes;

    private EncodedMessage(byte[] bytes) => _bytes = bytes;

    /// <summary>The protobuf encoding of the message.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>Encodes <paramref name="message"/> now; later changes to it are not seen.</summary>
    public static EncodedMessage<T> Encode(T message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new EncodedMessage<T>(message.ToByteArray());
    }
}
