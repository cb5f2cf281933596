using IomDirectory.Grpc.Tests.Infrastructure;
using IomDirectory.Grpc.Tests.Testing;

namespace IomDirectory.Grpc.Tests;

public sealed class BareBenchmarkEndpointTests
{
    private const string BarePath = "/grpc.benchmark.Bare/Echo";

    [Test]
    public async Task BareEndpoint_ByDefault_DoesNotExist()
    {
        await using var server = await TestServer.StartAsync();
        using var http = server.CreateHttpClient();

        var response = await RawGrpc.SendAsync(http, BarePath, RawGrpc.Frame(new EchoRequest()));

        Assert.That(response.GrpcStatus, Is.EqualTo("12"));
    }

    [Test]
    public async Task BareEndpoint_WhenEnabled_ReturnsCannedOkResponse()
    {
        await using var server = await TestServer.StartAsync(options => options.EnableBareBenchmarkEndpoint = true);
        using var http = server.CreateHttpClient();

        var response = await RawGrpc.SendAsync(http, BarePath, RawGrpc.Frame(new EchoRequest { Message = "ignored" }));

        Assert.Multiple(() =>
        {
            Assert.That((int)response.Response.StatusCode, Is.EqualTo(200));
            Assert.That(response.Messages().Single().Payload, Is.Empty);
            Assert.That(response.GrpcStatus, Is.EqualTo("0"));
            Assert.That(response.IsTrailersOnly, Is.False);
        });
    }
}
