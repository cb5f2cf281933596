using IomDirectory.Grpc.Health.V1;
using IomDirectory.Grpc.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using ProtoStatus = IomDirectory.Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace IomDirectory.Grpc.Tests;

public sealed class HealthTests : ServerTestBase
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Health = HealthReflection.Descriptor.Services[0];

    [TestCase("")]
    [TestCase("test.v1.EchoService")]
    [TestCase("grpc.health.v1.Health")]
    public async Task Check_RegisteredServiceOrServer_IsServingOnceStarted(string service)
    {
        var reply = await Client.UnaryAsync<HealthCheckRequest, HealthCheckResponse>(Health.FindMethodByName("Check"), new HealthCheckRequest { Service = service });

        Assert.That(reply.Status, Is.EqualTo(ProtoStatus.Serving));
    }

    [Test]
    public void Check_UnknownService_IsNotFound()
    {
        var error = Assert.ThrowsAsync<RpcException>(() =>
            Client.UnaryAsync<HealthCheckRequest, HealthCheckResponse>(Health.FindMethodByName("Check"), new HealthCheckRequest { Service = "no.such.Service" }));

        Assert.That(error!.StatusCode, Is.EqualTo(StatusCode.NotFound));
    }

    [Test]
    public async Task List_ReturnsEveryKnownService()
    {
        var reply = await Client.UnaryAsync<HealthListRequest, HealthListResponse>(Health.FindMethodByName("List"), new HealthListRequest());

        Assert.That(reply.Statuses.Keys, Is.SupersetOf(new[] { "", "test.v1.EchoService", "grpc.reflection.v1.ServerReflection" }));
    }

    [Test]
    public async Task Watch_SendsCurrentStatusThenEachChange()
    {
        var manager = Server.App.Services.GetRequiredService<HealthStatusManager>();
        manager.SetStatus("watched.Service", ServingStatus.Serving);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var stream = Client.ServerStreamingAsync<HealthCheckRequest, HealthCheckResponse>(
            Health.FindMethodByName("Watch"), new HealthCheckRequest { Service = "watched.Service" }, new CallOptions { CancellationToken = cancel.Token });
        await using var messages = stream.GetAsyncEnumerator();

        Assert.That(await messages.MoveNextAsync(), Is.True);
        Assert.That(messages.Current.Status, Is.EqualTo(ProtoStatus.Serving));
        manager.SetStatus("watched.Service", ServingStatus.NotServing);
        Assert.That(await messages.MoveNextAsync(), Is.True);
        Assert.That(messages.Current.Status, Is.EqualTo(ProtoStatus.NotServing));
        manager.SetStatus("watched.Service", ServingStatus.Serving);
        Assert.That(await messages.MoveNextAsync(), Is.True);
        Assert.That(messages.Current.Status, Is.EqualTo(ProtoStatus.Serving));
    }

    [Test]
    public async Task Watch_UnknownService_SendsServiceUnknownAndStaysOpenUntilCancelled()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var stream = Client.ServerStreamingAsync<HealthCheckRequest, HealthCheckResponse>(
            Health.FindMethodByName("Watch"), new HealthCheckRequest { Service = "later.Service" }, new CallOptions { CancellationToken = cancel.Token });
        await using var messages = stream.GetAsyncEnumerator();

        Assert.That(await messages.MoveNextAsync(), Is.True);
        Assert.That(messages.Current.Status, Is.EqualTo(ProtoStatus.ServiceUnknown));
        var next = messages.MoveNextAsync().AsTask();
        await Task.Delay(300);
        Assert.That(next.IsCompleted, Is.False, "the stream stays open");

        Server.App.Services.GetRequiredService<HealthStatusManager>().SetStatus("later.Service", ServingStatus.Serving);
        Assert.That(await next.WaitAsync(TimeSpan.FromSeconds(10)), Is.True);
        Assert.That(messages.Current.Status, Is.EqualTo(ProtoStatus.Serving));
        await cancel.CancelAsync();
        var error = Assert.ThrowsAsync<RpcException>(async () => await messages.MoveNextAsync());
        Assert.That(error!.StatusCode, Is.EqualTo(StatusCode.Cancelled));
    }
}
