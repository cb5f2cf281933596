using System.Buffers.Binary;
using System.IO.Compression;
using System.Net;
using Grpc.Core;
using IomDirectory.Contracts.V1;
using IomDirectory.Server.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace IomDirectory.Server.Tests.Conformance;

/// <summary>
/// gzip bombs: grpc-dotnet alone inflates a compressed message into an unbounded buffer (it checks only the
/// compressed length). Through the bounded provider, a server and a client each stop at their receive limit with
/// RESOURCE_EXHAUSTED, having allocated about that much, not the gigabyte the message would inflate to.
/// </summary>
[TestFixture]
public sealed class BoundedCompressionTests
{
    private const long OneGiB = 1L << 30;

    private RunningServer _server = null!;

    [OneTimeSetUp]
    public async Task Start() => _server = await RunningServer.StartAsync();

    [OneTimeTearDown]
    public async Task Stop() => await _server.DisposeAsync();

    [Test]
    public async Task ServerRefusesAGzipBomb_UnderTheAdminLimit_WithResourceExhausted_AndFlatMemory()
    {
        // 1 GiB of zeros compresses to about 1 MiB: under the admin service's 4 MiB receive limit, so only the
        // inflated size can stop it.
        var bomb = Bomb(OneGiB);
        Assert.That(bomb.Length, Is.LessThan(4 * 1024 * 1024));
        var (status, message, allocated) = await SendCompressedAsync("/iom.directory.v1.AdminService/ImportDirectory", bomb);
        Assert.That(status, Is.EqualTo("8"), message);
        Assert.That(message, Does.Contain("decompressed message exceeds"));
        Assert.That(allocated, Is.LessThan(64L * 1024 * 1024), "bytes allocated while the server handled the bomb");
    }

    [Test]
    public async Task ReadServicesStopAtTheirSmallLimit()
    {
        var bomb = Bomb(48L * 1024 * 1024);   // about 48 KiB compressed, 48 MiB inflated, against a 64 KiB read limit
        var (status, message, allocated) = await SendCompressedAsync("/iom.directory.v1.DirectoryService/SearchDirectory", bomb);
        Assert.That(status, Is.EqualTo("8"), message);
        Assert.That(allocated, Is.LessThan(8L * 1024 * 1024));
    }

    [Test]
    public async Task GzipRequestsWithinTheLimit_AreServed()
    {
        var request = new GetUnitRequest { Id = "dhrr" };
        using var call = new DirectoryService.DirectoryServiceClient(_server.Channel)
            .GetUnitAsync(request, new CallOptions(new Metadata { { "grpc-internal-encoding-request", "gzip" } }));
        Assert.That((await call).Id, Is.EqualTo("dhrr"));
    }

    [Test]
    public async Task ClientRefusesAGzipBombAnswer_WithResourceExhausted_AndFlatMemory()
    {
        var bomb = Bomb(OneGiB);
        await using var app = await BombServerAsync(bomb);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var channel = Channels.For(new Uri(address), maxReceiveMessageSize: 4 * 1024 * 1024);
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var ex = Assert.ThrowsAsync<RpcException>(async () => await new DirectoryService.DirectoryServiceClient(channel).GetUnitAsync(new GetUnitRequest { Id = "x" }));
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.That(ex!.StatusCode, Is.EqualTo(StatusCode.ResourceExhausted), ex.Status.Detail);
        Assert.That(allocated, Is.LessThan(64L * 1024 * 1024));
    }

    /// <summary>A gzip message of <paramref name="inflated"/> zero bytes.</summary>
    private static byte[] Bomb(long inflated)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            var zeros = new byte[1 << 20];
            for (long written = 0; written < inflated; written += zeros.Length)
                gzip.Write(zeros, 0, (int)Math.Min(zeros.Length, inflated - written));
        }
        return output.ToArray();
    }

    private static byte[] Frame(byte[] compressed)
    {
        var frame = new byte[5 + compressed.Length];
        frame[0] = 1;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)compressed.Length);
        compressed.CopyTo(frame, 5);
        return frame;
    }

    private async Task<(string? Status, string Message, long Allocated)> SendCompressedAsync(string path, byte[] compressed)
    {
        using var http = new HttpClient(new SocketsHttpHandler());
        using var request = RawGrpc.Request(_server.Address, path, new ByteArrayContent(Frame(compressed)), encoding: "gzip");
        var before = GC.GetTotalAllocatedBytes(precise: true);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before - compressed.Length;
        return (RawGrpc.Status(response), RawGrpc.Message(response) ?? $"HTTP {(int)response.StatusCode}, headers {response.Headers}, trailers {response.TrailingHeaders}", allocated);
    }

    /// <summary>A server that answers every call with a gzip message that inflates to a gigabyte.</summary>
    private static async Task<WebApplication> BombServerAsync(byte[] compressed)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        var app = builder.Build();
        var frame = Frame(compressed);
        app.MapPost("/{**path}", async (HttpContext context) =>
        {
            await context.Request.Body.CopyToAsync(Stream.Null);
            context.Response.ContentType = "application/grpc";
            context.Response.Headers["grpc-encoding"] = "gzip";
            await context.Response.Body.WriteAsync(frame);
            context.Response.AppendTrailer("grpc-status", "0");
        });
        await app.StartAsync();
        return app;
    }
}
