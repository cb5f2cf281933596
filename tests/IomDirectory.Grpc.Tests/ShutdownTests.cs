using IomDirectory.Grpc.Tests.Infrastructure;
using IomDirectory.Grpc.Tests.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IomDirectory.Grpc.Tests;

public sealed class ShutdownTests
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Echo = EchoServiceImpl.Service;

    [Test]
    public async Task GracefulShutdown_InFlightCallCompletes_NewCallsAreUnavailable()
    {
        var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        var id = Guid.NewGuid().ToString();
        var inFlight = client.UnaryWithMetadataAsync<SlowRequest, Empty>(Echo.FindMethodByName("Gated"), new SlowRequest { Id = id });
        await server.State.Started(id).Task.WaitAsync(TimeSpan.FromSeconds(10));
        RpcException? duringStopping = null;
        var lifetime = server.App.Services.GetRequiredService<IHostApplicationLifetime>();
        lifetime.ApplicationStopping.Register(() =>
        {
            // Runs inside StopAsync, after ApplicationStopping fired and before Kestrel closes the listener:
            // the connection is still open, so the server itself must answer.
            try
            {
                client.UnaryAsync<EchoRequest, EchoReply>(Echo.FindMethodByName("Echo"), new EchoRequest())
                    .WaitAsync(TimeSpan.FromSeconds(10)).GetAwaiter().GetResult();
            }
            catch (RpcException exception)
            {
                duringStopping = exception;
            }
        });

        var stopping = server.App.StopAsync();
        server.State.Gate(id).TrySetResult();
        var completed = await inFlight.WaitAsync(TimeSpan.FromSeconds(10));
        await stopping.WaitAsync(TimeSpan.FromSeconds(15));
        var afterStop = Assert.ThrowsAsync<RpcException>(() =>
            client.UnaryAsync<EchoRequest, EchoReply>(Echo.FindMethodByName("Echo"), new EchoRequest()));
        await server.DisposeAsync();

        Assert.Multiple(() =>
        {
            Assert.That(completed.Status.StatusCode, Is.EqualTo(StatusCode.OK), "the in-flight call runs to completion");
            Assert.That(duringStopping?.StatusCode, Is.EqualTo(StatusCode.Unavailable), "new call while stopping: UNAVAILABLE from the server");
            Assert.That(duringStopping?.Status.Detail, Is.EqualTo("Server is shutting down."));
            Assert.That(afterStop!.StatusCode, Is.EqualTo(StatusCode.Unavailable), "after stop: connection refused, mapped by the client");
            Assert.That(afterStop.Status.Detail, Does.StartWith("Error in gRPC transport"));
        });
    }

    [Test]
    public async Task Shutdown_SetsHealthNotServingAndEndsWatches()
    {
        var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        var health = Health.V1.HealthReflection.Descriptor.Services[0];
        var statuses = new List<Health.V1.HealthCheckResponse.Types.ServingStatus>();
        var watching = Task.Run(async () =>
        {
            await foreach (var reply in client.ServerStreamingAsync<Health.V1.HealthCheckRequest, Health.V1.HealthCheckResponse>(
                health.FindMethodByName("Watch"), new Health.V1.HealthCheckRequest()))
            {
                lock (statuses)
                {
                    statuses.Add(reply.Status);
                }
            }
        });
        await WaitUntil(() => { lock (statuses) { return statuses.Count > 0; } });

        await server.App.StopAsync().WaitAsync(TimeSpan.FromSeconds(15));
        var error = Assert.ThrowsAsync<RpcException>(() => watching.WaitAsync(TimeSpan.FromSeconds(10)));
        await server.DisposeAsync();

        Assert.That(statuses, Is.EqualTo(new[]
        {
            Health.V1.HealthCheckResponse.Types.ServingStatus.Serving,
            Health.V1.HealthCheckResponse.Types.ServingStatus.NotServing,
        }));
        Assert.That(error!.StatusCode, Is.EqualTo(StatusCode.Unavailable));
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
