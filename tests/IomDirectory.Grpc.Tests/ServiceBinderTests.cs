using IomDirectory.Grpc.Tests.Infrastructure;
using IomDirectory.Grpc.Tests.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IomDirectory.Grpc.Tests;

public sealed class ServiceBinderTests
{
    [Test]
    public void Binding_UnknownMethod_Throws()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Bind(b =>
            b.Unary<EchoRequest, EchoReply>("NoSuchMethod", (r, _) => Task.FromResult(new EchoReply()))));

        Assert.That(error!.Message, Does.Contain("NoSuchMethod"));
    }

    [Test]
    public void Binding_WrongStreamingKind_Throws()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Bind(b =>
            b.Unary<StreamRequest, StreamReply>("EchoStream", (r, _) => Task.FromResult(new StreamReply()))));

        Assert.That(error!.Message, Does.Contain("server-streaming"));
    }

    [Test]
    public void Binding_WrongRequestType_Throws()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Bind(b =>
            b.Unary<FailRequest, EchoReply>("Echo", (r, _) => Task.FromResult(new EchoReply()))));

        Assert.That(error!.Message, Does.Contain("test.v1.EchoRequest"));
    }

    [Test]
    public void Binding_WrongResponseType_Throws()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Bind(b =>
            b.Unary<EchoRequest, Empty>("Echo", (r, _) => Task.FromResult(new Empty()))));

        Assert.That(error!.Message, Does.Contain("test.v1.EchoReply"));
    }

    [Test]
    public void Binding_SameServiceTwice_Throws()
    {
        var builder = new ServiceCollection().AddGrpcServer();
        builder.AddService(EchoServiceImpl.Service, _ => { });

        Assert.Throws<InvalidOperationException>(() => builder.AddService(EchoServiceImpl.Service, _ => { }));
    }

    private static void Bind(Action<GrpcServiceBinder> bind) =>
        new ServiceCollection().AddGrpcServer().AddService(EchoServiceImpl.Service, bind);
}
