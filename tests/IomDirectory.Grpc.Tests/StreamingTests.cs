using IomDirectory.Grpc.Tests.Infrastructure;
using IomDirectory.Grpc.Tests.Testing;

namespace IomDirectory.Grpc.Tests;

public sealed class StreamingTests : ServerTestBase
{
    [Test]
    public async Task ServerStreaming_ReturnsMessagesOfRequestedSizes()
    {
        var sizes = new[] { 31415, 9, 2653, 58979 };
        var received = new List<int>();

        await foreach (var reply in Client.ServerStreamingAsync<StreamRequest, StreamReply>(Method("EchoStream"), new StreamRequest { Sizes = { sizes } }))
        {
            received.Add(reply.Payload.Length);
        }

        Assert.That(received, Is.EqualTo(sizes));
    }

    [Test]
    public async Task ServerStreaming_WithNoMessages_EndsOk()
    {
        var count = 0;
        await foreach (var unused in Client.ServerStreamingAsync<StreamRequest, StreamReply>(Method("EchoStream"), new StreamRequest()))
        {
            count++;
        }

        Assert.That(count, Is.Zero);
    }

    [Test]
    public async Task DuplexStreaming_AnswersEachRequestMessage()
    {
        var frames = new[] { "a", "b", "c" }.Select(m => RawGrpc.Frame(new EchoRequest { Message = m })).ToArray();

        var response = await RawGrpc.SendAsync(Http, "/test.v1.EchoService/Chat", frames);

        Assert.That(response.Messages().Select(m => EchoReply.Parser.ParseFrom(m.Payload).Message), Is.EqualTo(new[] { "echo:a", "echo:b", "echo:c" }));
        Assert.That(response.GrpcStatus, Is.EqualTo("0"));
    }

    [Test]
    public async Task DuplexStreaming_WithMessagesSplitAcrossFrames_AnswersEach()
    {
        var bytes = new[] { "one", "two" }.SelectMany(m => RawGrpc.Frame(new EchoRequest { Message = m })).ToArray();

        var response = await RawGrpc.SendAsync(Http, RawGrpc.Request("/test.v1.EchoService/Chat", ChunkedContent.ByteByByte(bytes)));

        Assert.That(response.Messages(), Has.Count.EqualTo(2));
        Assert.That(response.GrpcStatus, Is.EqualTo("0"));
    }

    [Test]
    public async Task DuplexStreaming_TruncatedSecondMessage_IsInternalAfterFirstReply()
    {
        var first = RawGrpc.Frame(new EchoRequest { Message = "ok" });
        var second = RawGrpc.Frame(new EchoRequest { Message = "cut short" });

        var response = await RawGrpc.SendAsync(Http, "/test.v1.EchoService/Chat", first, second[..^3]);

        Assert.That(response.Messages(), Has.Count.EqualTo(1));
        Assert.That(response.IsTrailersOnly, Is.False);
        Assert.That(response.GrpcStatus, Is.EqualTo("13"));
    }
}
