using Google.Protobuf;
using IomDirectory.Grpc.Tests.Infrastructure;
using IomDirectory.Grpc.Tests.Testing;

namespace IomDirectory.Grpc.Tests;

public sealed class FramingTests : ServerTestBase
{
    [Test]
    public async Task MessageSplitAcrossManyDataFrames_IsReassembled()
    {
        var frame = RawGrpc.Frame(new EchoRequest { Message = "split", Payload = ByteString.CopyFrom(new byte[300]) });

        var response = await RawGrpc.SendAsync(Http, RawGrpc.Request(RawGrpc.EchoPath, ChunkedContent.ByteByByte(frame)));

        Assert.That(response.GrpcStatus, Is.EqualTo("0"));
        Assert.That(EchoReply.Parser.ParseFrom(response.Messages()[0].Payload).Message, Is.EqualTo("split"));
    }

    [Test]
    public async Task UnaryCall_WithTwoMessages_IsInternal()
    {
        var frame = RawGrpc.Frame(new EchoRequest { Message = "one" });

        var response = await RawGrpc.SendAsync(Http, RawGrpc.EchoPath, frame, frame);

        AssertInternal(response, "More than one request message");
    }

    [Test]
    public async Task ServerStreamingCall_WithTwoMessages_IsInternal()
    {
        var frame = RawGrpc.Frame(new StreamRequest { Sizes = { 1 } });

        var response = await RawGrpc.SendAsync(Http, "/test.v1.EchoService/EchoStream", frame, frame);

        AssertInternal(response, "More than one request message");
    }

    [Test]
    public async Task UnaryCall_WithNoMessage_IsInternal()
    {
        var response = await RawGrpc.SendAsync(Http, RawGrpc.EchoPath);

        AssertInternal(response, "No request message");
    }

    [Test]
    public async Task UnaryCall_WithTruncatedHeader_IsInternal()
    {
        var response = await RawGrpc.SendAsync(Http, RawGrpc.EchoPath, [0, 0, 0]);

        AssertInternal(response, "Incomplete message");
    }

    [Test]
    public async Task UnaryCall_WithTruncatedBody_IsInternal()
    {
        var frame = RawGrpc.Frame(new EchoRequest { Message = "truncated body" });

        var response = await RawGrpc.SendAsync(Http, RawGrpc.EchoPath, frame[..^4]);

        AssertInternal(response, "Incomplete message");
    }

    [Test]
    public async Task UnaryCall_WithFlagByteTwo_IsInternal()
    {
        var response = await RawGrpc.SendAsync(Http, RawGrpc.EchoPath, RawGrpc.Frame(new EchoRequest(), flag: 2));

        AssertInternal(response, "flag");
    }

    [Test]
    public async Task UnaryCall_WithCorruptProtobuf_IsInternal()
    {
        var response = await RawGrpc.SendAsync(Http, RawGrpc.EchoPath, RawGrpc.Frame([0x0A, 0xFF, 0xFF, 0x01]));

        AssertInternal(response, "deserialize");
    }

    [Test]
    public async Task DeclaredLengthOverLimit_IsResourceExhaustedBeforeBodyIsSent()
    {
        var header = new byte[] { 0, 0, 0x40, 0, 0x01 }; // 4 MiB + 1
        var release = new TaskCompletionSource();
        var request = RawGrpc.Request(RawGrpc.EchoPath, new ChunkedContent([header], release.Task));
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            using var response = await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);

            Assert.That(RawResponse.Header(response.Headers, "grpc-status"), Is.EqualTo("8"));
            Assert.That(RawResponse.Header(response.Headers, "grpc-message"), Does.Contain("larger than max"));
        }
        finally
        {
            release.TrySetResult();
        }
    }

    [Test]
    public async Task ConfiguredReceiveLimit_IsEnforced()
    {
        await using var server = await TestServer.StartAsync(options => options.MaxReceiveMessageSize = 1024);
        using var http = server.CreateHttpClient();

        var small = await RawGrpc.SendAsync(http, RawGrpc.EchoPath, RawGrpc.Frame(new EchoRequest { Payload = ByteString.CopyFrom(new byte[1000]) }));
        var large = await RawGrpc.SendAsync(http, RawGrpc.EchoPath, RawGrpc.Frame(new EchoRequest { Payload = ByteString.CopyFrom(new byte[2000]) }));

        Assert.That(small.GrpcStatus, Is.EqualTo("0"), () => $"{small.Response} {small.Body.Length} {string.Join(",", small.Response.TrailingHeaders)} {string.Join(";", server.Logs.Entries)}");
        Assert.That(large.GrpcStatus, Is.EqualTo("8"));
    }

    [Test]
    public async Task ConfiguredSendLimit_IsResourceExhausted()
    {
        await using var server = await TestServer.StartAsync(options => options.MaxSendMessageSize = 1024);
        using var client = server.CreateClient();

        var error = Assert.ThrowsAsync<RpcException>(() =>
            client.UnaryAsync<EchoRequest, EchoReply>(Method("Echo"), new EchoRequest { ResponseSize = 5000 }));

        Assert.That(error!.StatusCode, Is.EqualTo(StatusCode.ResourceExhausted));
    }

    private static void AssertInternal(RawResponse response, string messagePart)
    {
        Assert.Multiple(() =>
        {
            Assert.That(response.GrpcStatus, Is.EqualTo("13"));
            Assert.That(response.GrpcMessage, Does.Contain(messagePart));
            Assert.That(response.Body, Is.Empty);
        });
    }
}
