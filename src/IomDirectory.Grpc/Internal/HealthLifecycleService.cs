using Microsoft.Extensions.Hosting;

namespace IomDirectory.Grpc.Internal;

/// <summary>Marks the server and every registered service SERVING once started, NOT_SERVING when stopping.</summary>
internal sealed class HealthLifecycleService(
    HealthStatusManager manager, GrpcServiceRegistry registry, IHostApplicationLifetime lifetime) : IHostedService
{
    private CancellationTokenRegistration _started;
    private CancellationTokenRegistration _stopping;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _started = lifetime.ApplicationStarted.Register(() =>
        {
            manager.SetStatus(string.Empty, ServingStatus.Serving);
            foreach (var service in registry.Services)
            {
                manager.SetStatus(service.Service.FullName, ServingStatus.Serving);
            }
        });
        _stopping = lifetime.ApplicationStopping.Register(manager.EnterShutdown);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _started.Dispose();
        _stopping.Dispose();
        return Task.CompletedTask;
    }
}
