using Google.Protobuf;
using IomDirectory.Grpc.Tests.Infrastructure;
using IomDirectory.Grpc.Tests.Testing;

namespace IomDirectory.Grpc.Tests;

public sealed class UnaryCallTests : ServerTestBase
{
    [Test]
    public async Task UnaryCall_EchoesMessage()
    {
        var reply = await Client.UnaryAsync<EchoRequest, EchoReply>(Method("Echo"), new EchoRequest { Message = "hello" });

        Assert.That(reply.Message, Is.EqualTo("hello"));
    }

    [Test]
    public async Task UnaryCall_EmptyMessage_RoundTrips()
    {
        var reply = await Client.UnaryAsync<EchoRequest, EchoReply>(Method("Echo"), new EchoRequest());

        Assert.That(reply.Message, Is.Empty);
    }

    [Test]
    public async Task UnaryCall_LargeRequestAndResponse_RoundTrip()
    {
        var request = new EchoRequest { Payload = ByteString.CopyFrom(new byte[271_828]), ResponseSize = 314_159 };

        var reply = await Client.UnaryAsync<EchoRequest, EchoReply>(Method("Echo"), request);

        Assert.That(reply.Payload.Length, Is.EqualTo(314_159));
    }

    [Test]
    public async Task UnaryCall_Ok_SendsStatusZeroAsTrailerAfterOneMessage()
    {
        var response = await RawGrpc.SendAsync(Http, RawGrpc.EchoPath, RawGrpc.Frame(new EchoRequest { Message = "x" }));

        Assert.Multiple(() =>
        {
            Assert.That((int)response.Response.StatusCode, Is.EqualTo(200));
            Assert.That(response.IsTrailersOnly, Is.False);
            Assert.That(response.Response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/grpc"));
            Assert.That(response.Messages(), Has.Count.EqualTo(1));
            Assert.That(RawResponse.Header(response.Response.TrailingHeaders, "grpc-status"), Is.EqualTo("0"));
            Assert.That(RawResponse.Header(response.Response.Headers, "grpc-accept-encoding"), Is.EqualTo("identity,gzip"));
        });
    }

    [Test]
    public async Task ManyConcurrentUnaryCalls_AllSucceed()
    {
        var calls = Enumerable.Range(0, 200).Select(i =>
            Client.UnaryAsync<EchoRequest, EchoReply>(Method("Echo"), new EchoRequest { Message = i.ToString() }));

        var replies = await Task.WhenAll(calls);

        Assert.That(replies.Select(r => r.Message), Is.EqualTo(Enumerable.Range(0, 200).Select(i => i.ToString())));
    }

    [Test]
    public void UnboundMethodOfKnownService_IsUnimplemented()
    {
        var method = TestServer.UnboundService.FindMethodByName("Nothing");

        var error = Assert.ThrowsAsync<RpcException>(() => Client.UnaryAsync<Empty, Empty>(method, new Empty()));

        Assert.That(error!.StatusCode, Is.EqualTo(StatusCode.Unimplemented));
    }

    [Test]
    public void UnknownService_IsUnimplemented()
    {
        var method = EchoReflection.Descriptor.FindTypeByName<Google.Protobuf.Reflection.ServiceDescriptor>("UnknownService")
            .FindMethodByName("Nothing");

        var error = Assert.ThrowsAsync<RpcException>(() => Client.UnaryAsync<Empty, Empty>(method, new Empty()));

        Assert.That(error!.StatusCode, Is.EqualTo(StatusCode.Unimplemented));
    }

    [Test]
    public async Task ImmediateError_IsTrailersOnly()
    {
        var request = new FailRequest { Code = (int)StatusCode.NotFound, Detail = "nope" };

        var response = await RawGrpc.SendAsync(Http, "/test.v1.EchoService/Fail", RawGrpc.Frame(request));

        Assert.Multiple(() =>
        {
            Assert.That((int)response.Response.StatusCode, Is.EqualTo(200));
            Assert.That(response.IsTrailersOnly, Is.True, "grpc-status must be in the (only) HEADERS frame");
            Assert.That(response.Body, Is.Empty, "no DATA");
            Assert.That(response.Response.TrailingHeaders, Is.Empty);
            Assert.That(response.Response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/grpc"));
            Assert.That(response.GrpcStatus, Is.EqualTo("5"));
            Assert.That(response.GrpcMessage, Is.EqualTo("nope"));
        });
    }
}
