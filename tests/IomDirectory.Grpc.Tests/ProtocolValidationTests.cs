using System.Net;
using IomDirectory.Grpc.Tests.Infrastructure;
using IomDirectory.Grpc.Tests.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace IomDirectory.Grpc.Tests;

public sealed class ProtocolValidationTests : ServerTestBase
{
    [Test]
    public async Task MissingContentType_Is415WithInternalStatus()
    {
        var request = RawGrpc.Request(RawGrpc.EchoPath, new ChunkedContent([RawGrpc.Frame(new EchoRequest())]), contentType: null);

        var response = await RawGrpc.SendAsync(Http, request);

        Assert.That((int)response.Response.StatusCode, Is.EqualTo(415));
        Assert.That(RawResponse.Header(response.Response.Headers, "grpc-status"), Is.EqualTo("13"));
    }

    [TestCase("application/json")]
    [TestCase("text/plain")]
    [TestCase("application/grpc-web")]
    [TestCase("application/grpc+json")]
    public async Task WrongContentType_Is415WithInternalStatus(string contentType)
    {
        var request = RawGrpc.Request(RawGrpc.EchoPath, new ChunkedContent([RawGrpc.Frame(new EchoRequest())]), contentType);

        var response = await RawGrpc.SendAsync(Http, request);

        Assert.That((int)response.Response.StatusCode, Is.EqualTo(415));
        Assert.That(RawResponse.Header(response.Response.Headers, "grpc-status"), Is.EqualTo("13"));
    }

    [TestCase("APPLICATION/GRPC")]
    [TestCase("application/grpc+proto")]
    [TestCase("application/grpc; charset=utf-8")]
    [TestCase("Application/Grpc+Proto;foo=bar")]
    public async Task GrpcContentTypeVariants_AreAccepted(string contentType)
    {
        var request = RawGrpc.Request(RawGrpc.EchoPath, new ChunkedContent([RawGrpc.Frame(new EchoRequest { Message = "ct" })]), contentType);

        var response = await RawGrpc.SendAsync(Http, request);

        Assert.That(response.GrpcStatus, Is.EqualTo("0"));
        Assert.That(EchoReply.Parser.ParseFrom(response.Messages()[0].Payload).Message, Is.EqualTo("ct"));
    }

    [Test]
    public async Task GetRequest_Is405()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, RawGrpc.EchoPath)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Headers.TryAddWithoutValidation("content-type", "application/grpc");

        using var response = await Http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
        Assert.That(RawResponse.Header(response.Headers, "grpc-status"), Is.EqualTo("13"));
    }

    [Test]
    public async Task Http11Request_OnTlsEndpointWithAlpn_Is426()
    {
        await using var server = await TestServer.StartAsync(tls: true, protocols: HttpProtocols.Http1AndHttp2);
        using var http = server.CreateHttpClient(HttpVersion.Version11);
        var request = RawGrpc.Request(RawGrpc.EchoPath, new ByteArrayContent(RawGrpc.Frame(new EchoRequest())), HttpVersion.Version11);

        using var response = await http.SendAsync(request);

        Assert.That(response.Version, Is.EqualTo(HttpVersion.Version11));
        Assert.That((int)response.StatusCode, Is.EqualTo(426));
        Assert.That(RawResponse.Header(response.Headers, "grpc-status"), Is.EqualTo("13"));
    }

    [Test]
    public async Task Http2Request_OnTlsEndpoint_Works()
    {
        await using var server = await TestServer.StartAsync(tls: true, protocols: HttpProtocols.Http1AndHttp2);
        using var http = server.CreateHttpClient();
        using var client = new GrpcClient(http);

        var reply = await client.UnaryAsync<EchoRequest, EchoReply>(Method("Echo"), new EchoRequest { Message = "tls" });

        Assert.That(reply.Message, Is.EqualTo("tls"));
    }

    [Test]
    public async Task Http11Request_OnCleartextHttp2OnlyEndpoint_IsRejectedByKestrelAndConnectionClosed()
    {
        // Kestrel answers an HTTP/1.x preface on an HTTP/2-only endpoint itself (400 + Connection: close);
        // the gRPC middleware never sees the request.
        using var http = Server.CreateHttpClient(HttpVersion.Version11);
        var request = RawGrpc.Request(RawGrpc.EchoPath, new ByteArrayContent(RawGrpc.Frame(new EchoRequest())), HttpVersion.Version11);

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(response.Headers.ConnectionClose, Is.True);
            Assert.That(body, Does.Contain("HTTP/2"));
            Assert.That(RawResponse.Header(response.Headers, "grpc-status"), Is.Null);
        });
    }
}
