using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace IomDirectory.Grpc.Internal;

/// <summary>One parser and descriptor per message type, created once (no per-call reflection).</summary>
internal static class MessageParserCache<T>
    where T : IMessage<T>, new()
{
    public static readonly MessageParser<T> Parser = new(() => new T());

    public static readonly MessageDescriptor Descriptor = new T().Descriptor;
}
