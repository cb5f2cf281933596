using IomDirectory.Grpc.Tests.Infrastructure;
using IomDirectory.Grpc.Tests.Testing;

namespace IomDirectory.Grpc.Tests;

/// <summary>A unary handler answering with an <see cref="EncodedMessage{T}"/> puts exactly those bytes on the wire.</summary>
public sealed class EncodedResponseTests : ServerTestBase
{
    [Test]
    public async Task EncodedReply_ReachesTheClientAsTheMessage()
    {
        var request = new EchoRequest { Message = "pre-encoded", ResponseSize = 70_000 };

        var encoded = await Client.UnaryAsync<EchoRequest, EchoReply>(Method("EchoEncoded"), request);
        var plain = await Client.UnaryAsync<EchoRequest, EchoReply>(Method("Echo"), request);

        Assert.That(encoded, Is.EqualTo(plain));
    }

    [Test]
    public async Task EncodedReply_IsOneUncompressedMessageWithStatusZero()
    {
        var response = await RawGrpc.SendAsync(Http, "/test.v1.EchoService/EchoEncoded", RawGrpc.Frame(new EchoRequest { Message = "x" }));
        var message = response.Messages().Single();

        Assert.Multiple(() =>
        {
            Assert.That(response.GrpcStatus, Is.EqualTo("0"));
            Assert.That(message.Flag, Is.EqualTo(0));
            Assert.That(EchoReply.Parser.ParseFrom(message.Payload).Message, Is.EqualTo("x"));
        });
    }

    [Test]
    public async Task EncodedReply_OverTheSendLimit_IsResourceExhausted()
    {
        await using var server = await TestServer.StartAsync(options => options.MaxSendMessageSize = 1024);
        using var client = server.CreateClient();

        var error = Assert.ThrowsAsync<RpcException>(() =>
            client.UnaryAsync<EchoRequest, EchoReply>(Method("EchoEncoded"), new EchoRequest { ResponseSize = 5000 }));

        Assert.That(error!.StatusCode, Is.EqualTo(StatusCode.ResourceExhausted));
    }
}
