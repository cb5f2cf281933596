using System.Diagnostics;
using System.IO.Compression;
using Google.Protobuf;
using IomDirectory.Grpc.Tests.Infrastructure;
using IomDirectory.Grpc.Tests.Testing;

namespace IomDirectory.Grpc.Tests;

public sealed class CompressionTests : ServerTestBase
{
    [Test]
    public async Task CompressedFlag_WithNoEncoding_IsInternal()
    {
        var frame = RawGrpc.Frame(Gzip(new EchoRequest { Message = "z" }.ToByteArray()), flag: 1);

        var response = await RawGrpc.SendAsync(Http, RawGrpc.EchoPath, frame);

        Assert.That(response.GrpcStatus, Is.EqualTo("13"));
        Assert.That(response.GrpcMessage, Does.Contain("compressed flag"));
    }

    [Test]
    public async Task CompressedFlag_WithIdentityEncoding_IsInternal()
    {
        var frame = RawGrpc.Frame(Gzip(new EchoRequest { Message = "z" }.ToByteArray()), flag: 1);
        var request = RawGrpc.Request(RawGrpc.EchoPath, new ChunkedContent([frame]), "application/grpc", ("grpc-encoding", "identity"));

        var response = await RawGrpc.SendAsync(Http, request);

        Assert.That(response.GrpcStatus, Is.EqualTo("13"));
    }

    [Test]
    public async Task UnknownEncoding_IsUnimplementedAndListsSupportedEncodings()
    {
        var request = RawGrpc.Request(RawGrpc.EchoPath, new ChunkedContent([RawGrpc.Frame(new EchoRequest())]), "application/grpc",
            ("grpc-encoding", "snappy"));

        var response = await RawGrpc.SendAsync(Http, request);

        Assert.Multiple(() =>
        {
            Assert.That(response.GrpcStatus, Is.EqualTo("12"));
            Assert.That(RawResponse.Header(response.Response.Headers, "grpc-accept-encoding"), Is.EqualTo("identity,gzip"));
        });
    }

    [Test]
    public async Task GzipRequest_FromClientAcceptingGzip_GetsGzipResponse()
    {
        var frame = RawGrpc.Frame(Gzip(new EchoRequest { Message = "gz" }.ToByteArray()), flag: 1);
        var request = RawGrpc.Request(RawGrpc.EchoPath, new ChunkedContent([frame]), "application/grpc",
            ("grpc-encoding", "gzip"), ("grpc-accept-encoding", "identity,gzip"));

        var response = await RawGrpc.SendAsync(Http, request);
        var message = response.Messages().Single();

        Assert.Multiple(() =>
        {
            Assert.That(response.GrpcStatus, Is.EqualTo("0"));
            Assert.That(RawResponse.Header(response.Response.Headers, "grpc-encoding"), Is.EqualTo("gzip"));
            Assert.That(message.Flag, Is.EqualTo(1));
            Assert.That(EchoReply.Parser.ParseFrom(Gunzip(message.Payload)).Message, Is.EqualTo("gz"));
        });
    }

    [Test]
    public async Task GzipRequest_ToAPreEncodedReply_GetsItCompressed()
    {
        var frame = RawGrpc.Frame(Gzip(new EchoRequest { Message = "gz" }.ToByteArray()), flag: 1);
        var request = RawGrpc.Request("/test.v1.EchoService/EchoEncoded", new ChunkedContent([frame]), "application/grpc",
            ("grpc-encoding", "gzip"), ("grpc-accept-encoding", "identity,gzip"));

        var response = await RawGrpc.SendAsync(Http, request);
        var message = response.Messages().Single();

        Assert.Multiple(() =>
        {
            Assert.That(response.GrpcStatus, Is.EqualTo("0"));
            Assert.That(message.Flag, Is.EqualTo(1));
            Assert.That(EchoReply.Parser.ParseFrom(Gunzip(message.Payload)).Message, Is.EqualTo("gz"));
        });
    }

    [Test]
    public async Task GzipRequest_FromClientNotAcceptingGzip_GetsIdentityResponse()
    {
        var frame = RawGrpc.Frame(Gzip(new EchoRequest { Message = "gz" }.ToByteArray()), flag: 1);
        var request = RawGrpc.Request(RawGrpc.EchoPath, new ChunkedContent([frame]), "application/grpc",
            ("grpc-encoding", "gzip"), ("grpc-accept-encoding", "identity"));

        var response = await RawGrpc.SendAsync(Http, request);

        Assert.That(response.Messages().Single().Flag, Is.EqualTo(0));
        Assert.That(RawResponse.Header(response.Response.Headers, "grpc-encoding"), Is.Null);
    }

    [Test]
    public async Task GrpcClient_CompressedRequest_RoundTripsBothWays()
    {
        var options = new CallOptions { CompressRequest = true };
        var request = new EchoRequest { Message = "both ways", Payload = ByteString.CopyFrom(new byte[100_000]) };

        var reply = await Client.UnaryAsync<EchoRequest, EchoReply>(Method("Echo"), request, options);

        Assert.That(reply.Payload.Length, Is.EqualTo(100_000));
    }

    [Test]
    public async Task ServerConfiguredForGzip_CompressesStreamingResponses()
    {
        await using var server = await TestServer.StartAsync(options => options.ResponseCompressionAlgorithm = "gzip");
        using var http = server.CreateHttpClient();
        var request = RawGrpc.Request("/test.v1.EchoService/EchoStream", new ChunkedContent([RawGrpc.Frame(new StreamRequest { Sizes = { 31415, 9 } })]),
            "application/grpc", ("grpc-accept-encoding", "gzip"));

        var response = await RawGrpc.SendAsync(http, request);

        Assert.That(response.Messages().Select(m => m.Flag), Is.EqualTo(new byte[] { 1, 1 }));
        Assert.That(response.GrpcStatus, Is.EqualTo("0"));
    }

    [Test]
    public async Task GzipBomb_IsResourceExhaustedWithoutMemorySpike()
    {
        var bomb = CreateGzipOfZeros(1L << 30);
        Assert.That(bomb.Length, Is.LessThan(4 * 1024 * 1024), "the bomb must pass the compressed-size check");
        var request = RawGrpc.Request(RawGrpc.EchoPath, new ChunkedContent([RawGrpc.Frame(bomb, flag: 1)]), "application/grpc",
            ("grpc-encoding", "gzip"));
        GC.Collect();
        var baseline = Process.GetCurrentProcess().WorkingSet64;
        var managedBaseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = baseline;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                using var process = Process.GetCurrentProcess();
                peak = Math.Max(peak, process.WorkingSet64);
                await Task.Delay(5);
            }
        });

        var response = await RawGrpc.SendAsync(Http, request);
        var managedAfter = GC.GetTotalMemory(forceFullCollection: false);
        sampling.Cancel();
        await sampler;

        Assert.Multiple(() =>
        {
            Assert.That(response.GrpcStatus, Is.EqualTo("8"));
            Assert.That(peak - baseline, Is.LessThan(64L * 1024 * 1024), "working set growth");
            Assert.That(managedAfter - managedBaseline, Is.LessThan(64L * 1024 * 1024), "managed heap growth");
        });
    }

    private static byte[] CreateGzipOfZeros(long size)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            var zeros = new byte[1 << 20];
            for (long written = 0; written < size; written += zeros.Length)
            {
                gzip.Write(zeros);
            }
        }

        return output.ToArray();
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    private static byte[] Gunzip(byte[] data)
    {
        using var input = new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
