using System.Diagnostics;
using System.Net;
using Grpc.Core;
using Grpc.Reflection.V1Alpha;
using IomDirectory.Server.Tests.Support;

namespace IomDirectory.Server.Tests.Conformance;

/// <summary>
/// Holding the server without sending: a stream that never sends its message, a reflection stream left idle, and
/// reflection for anonymous callers when reads need a token (issue #19, findings 4 and 12).
/// </summary>
[TestFixture]
public sealed class TransportLimitTests
{
    [Test]
    public async Task UnaryCall_WhoseMessageNeverArrives_IsEndedByTheServer()
    {
        await using var server = await RunningServer.StartAsync();
        using var http = new HttpClient(new SocketsHttpHandler());
        using var request = RawGrpc.Request(server.Address, "/iom.directory.v1.AdminService/ImportDirectory", new StreamContent(new NeverEndingStream()));
        var clock = Stopwatch.StartNew();
        using var cap = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cap.Token);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !cap.IsCancellationRequested))
        {
            // the server reset the stream (Kestrel's minimum request data rate): the call is over
        }
        Assert.That(cap.IsCancellationRequested, Is.False, "the server still held the call after 60 s");
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)));
    }

    [Test]
    public async Task ReflectionStream_LeftIdle_IsEnded()
    {
        await using var server = await RunningServer.StartAsync("--Grpc:StreamIdleTimeout=00:00:01");
        using var call = new ServerReflection.ServerReflectionClient(server.Channel).ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        Assert.That(await call.ResponseStream.MoveNext(CancellationToken.None), Is.True);
        var ex = Assert.ThrowsAsync<RpcException>(async () => await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.That(ex!.StatusCode, Is.EqualTo(StatusCode.DeadlineExceeded));
    }

    [Test]
    public async Task Reflection_WhenReadsNeedAToken_NeedsOneToo_AndHealthStaysOpen()
    {
        await using var server = await RunningServer.StartAsync("--Jwt:RequireReaderRole=true");
        async Task<ServerReflectionResponse> List(CallOptions options)
        {
            using var call = new ServerReflection.ServerReflectionClient(server.Channel).ServerReflectionInfo(options);
            await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
            await call.RequestStream.CompleteAsync();
            Assert.That(await call.ResponseStream.MoveNext(CancellationToken.None), Is.True);
            return call.ResponseStream.Current;
        }
        var ex = Assert.ThrowsAsync<RpcException>(async () => await List(default));
        Assert.That(ex!.StatusCode, Is.EqualTo(StatusCode.Unauthenticated));
        var listed = await List(RunningServer.Bearer(server.Token("rita", "directory.reader")));
        Assert.That(listed.ListServicesResponse.Service.Select(s => s.Name), Does.Contain("iom.directory.v1.DirectoryService"));
        var health = await new Grpc.Health.V1.Health.HealthClient(server.Channel).CheckAsync(new Grpc.Health.V1.HealthCheckRequest());
        Assert.That(health.Status, Is.EqualTo(Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving));
    }

    /// <summary>A request body that never sends a byte and never ends.</summary>
    private sealed class NeverEndingStream : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => 0; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
