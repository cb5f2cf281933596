using System.Net;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Web;
using IomDirectory.Contracts.V1;
using IomDirectory.Server.Tests.Support;

namespace IomDirectory.Server.Tests.Conformance;

/// <summary>gRPC-Web (what a browser can send) over HTTP/1.1 on the web endpoint, with Grpc.Net.Client.Web.</summary>
[TestFixture]
public sealed class GrpcWebTests
{
    private RunningServer _server = null!;

    [OneTimeSetUp]
    public async Task Start() => _server = await RunningServer.StartAsync();

    [OneTimeTearDown]
    public async Task Stop() => await _server.DisposeAsync();

    private GrpcChannel WebChannel(GrpcWebMode mode) => GrpcChannel.ForAddress(_server.WebAddress!, new GrpcChannelOptions
    {
        HttpHandler = new GrpcWebHandler(mode, new SocketsHttpHandler()),
        HttpVersion = HttpVersion.Version11,
        HttpVersionPolicy = HttpVersionPolicy.RequestVersionExact,
    });

    [TestCase(GrpcWebMode.GrpcWeb)]
    [TestCase(GrpcWebMode.GrpcWebText)]
    public async Task Unary_OverHttp11_GetsTheAnswer(GrpcWebMode mode)
    {
        using var channel = WebChannel(mode);
        var unit = await new DirectoryService.DirectoryServiceClient(channel).GetUnitAsync(new GetUnitRequest { Id = "dhrr" });
        Assert.That(unit.Id, Is.EqualTo("dhrr"));
        Assert.That(unit.Acronym, Is.EqualTo("DHRR"));
    }

    [Test]
    public async Task Error_OverGrpcWeb_CarriesTheStatusAndTheFieldViolations()
    {
        using var channel = WebChannel(GrpcWebMode.GrpcWeb);
        var ex = Assert.ThrowsAsync<RpcException>(async () => await new DirectoryService.DirectoryServiceClient(channel).GetUnitAsync(new GetUnitRequest()));
        Assert.That(ex!.StatusCode, Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(ex.GetRpcStatus()!.Details.Select(d => d.Unpack<Google.Rpc.BadRequest>().FieldViolations[0].Field), Is.EqualTo(new[] { "id" }));
    }

    [Test]
    public async Task ServerStreaming_OverGrpcWebText_DeliversEveryNode()
    {
        using var channel = WebChannel(GrpcWebMode.GrpcWebText);
        using var call = new DirectoryService.DirectoryServiceClient(channel).GetSubtree(new GetSubtreeRequest { Id = "dhrr", MaxDepth = 1 });
        var nodes = new List<SubtreeNode>();
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
            nodes.Add(call.ResponseStream.Current);
        Assert.That(nodes, Has.Count.EqualTo(6));
    }
}
