using IomDirectory.Grpc.Tests.Infrastructure;
using IomDirectory.Grpc.Tests.Testing;

namespace IomDirectory.Grpc.Tests;

public sealed class DeadlineAndCancellationTests : ServerTestBase
{
    [TestCase("")]
    [TestCase("5")]
    [TestCase("M")]
    [TestCase("123456789S")]
    [TestCase("1x")]
    [TestCase("-1S")]
    public async Task MalformedTimeout_IsIgnoredAndCallHasNoDeadline(string timeout)
    {
        var request = RawGrpc.Request(RawGrpc.EchoPath, new ChunkedContent([RawGrpc.Frame(new EchoRequest { Message = "t" })]),
            "application/grpc", ("grpc-timeout", timeout));

        var response = await RawGrpc.SendAsync(Http, request);

        Assert.That(response.GrpcStatus, Is.EqualTo("0"));
        Assert.That(response.Trailer("x-deadline"), Is.EqualTo("none"));
    }

    [Test]
    public async Task ValidTimeout_SetsDeadline()
    {
        var request = RawGrpc.Request(RawGrpc.EchoPath, new ChunkedContent([RawGrpc.Frame(new EchoRequest())]),
            "application/grpc", ("grpc-timeout", "10S"));

        var response = await RawGrpc.SendAsync(Http, request);

        Assert.That(response.Trailer("x-deadline"), Is.EqualTo("set"));
    }

    [Test]
    public async Task ExpiredDeadline_IsDeadlineExceededFromServerAndHandlerTokenFires()
    {
        var id = Guid.NewGuid().ToString();
        var request = RawGrpc.Request("/test.v1.EchoService/Slow", new ChunkedContent([RawGrpc.Frame(new SlowRequest { Id = id })]),
            "application/grpc", ("grpc-timeout", "200m"));

        var response = await RawGrpc.SendAsync(Http, request);

        Assert.That(response.GrpcStatus, Is.EqualTo("4"));
        await Server.State.TokenFired(id).Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Test]
    public async Task HandlerThatIgnoresItsTokenAndFinishesLate_IsDeadlineExceededWithoutItsMessage()
    {
        var id = Guid.NewGuid().ToString();
        var request = RawGrpc.Request("/test.v1.EchoService/Gated", new ChunkedContent([RawGrpc.Frame(new SlowRequest { Id = id })]),
            "application/grpc", ("grpc-timeout", "100m"));

        var sending = RawGrpc.SendAsync(Http, request);
        await Server.State.Started(id).Task.WaitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(300);
        Server.State.Gate(id).TrySetResult();
        var response = await sending;

        Assert.That(response.GrpcStatus, Is.EqualTo("4"));
        Assert.That(response.Messages(), Is.Empty, "a response produced after the deadline is not sent");
    }

    [Test]
    public async Task GrpcClientDeadline_IsDeadlineExceededAndHandlerTokenFires()
    {
        var id = Guid.NewGuid().ToString();
        var options = new CallOptions { Deadline = DateTime.UtcNow.AddMilliseconds(300) };

        var error = Assert.ThrowsAsync<RpcException>(() =>
            Client.UnaryAsync<SlowRequest, Empty>(Method("Slow"), new SlowRequest { Id = id }, options));

        Assert.That(error!.StatusCode, Is.EqualTo(StatusCode.DeadlineExceeded));
        await Server.State.TokenFired(id).Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Test]
    public async Task ClientCancel_OfUnaryCall_FiresHandlerTokenAndThrowsCancelled()
    {
        var id = Guid.NewGuid().ToString();
        using var cancel = new CancellationTokenSource();
        var call = Client.UnaryAsync<SlowRequest, Empty>(Method("Slow"), new SlowRequest { Id = id }, new CallOptions { CancellationToken = cancel.Token });
        await Server.State.Started(id).Task.WaitAsync(TimeSpan.FromSeconds(10));

        cancel.Cancel();

        var error = Assert.ThrowsAsync<RpcException>(() => call);
        Assert.That(error!.StatusCode, Is.EqualTo(StatusCode.Cancelled));
        await Server.State.TokenFired(id).Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Test]
    public async Task ClientCancel_MidServerStream_FiresHandlerToken()
    {
        var id = Guid.NewGuid().ToString();
        using var cancel = new CancellationTokenSource();
        var received = 0;

        var error = Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var reply in Client.ServerStreamingAsync<StreamRequest, StreamReply>(
                Method("EchoStream"), new StreamRequest { EndlessId = id }, new CallOptions { CancellationToken = cancel.Token }))
            {
                if (++received == 3)
                {
                    cancel.Cancel();
                }
            }
        });

        Assert.That(error!.StatusCode, Is.EqualTo(StatusCode.Cancelled));
        Assert.That(received, Is.GreaterThanOrEqualTo(3));
        await Server.State.TokenFired(id).Task.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
