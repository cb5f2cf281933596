using IomDirectory.Server.Infrastructure;
using IomDirectory.Server.Rpc;

namespace IomDirectory.Server.Hosting;

/// <summary>
/// Ties health to readiness: NOT_SERVING until the host has started (the snapshot and today's indexes are built
/// before that); then SERVING, with the database checked every <see cref="Interval"/>: while it does not answer, the
/// AdminService (writes) is NOT_SERVING and reads go on from the snapshot. NOT_SERVING from the moment shutdown begins.
/// </summary>
internal sealed partial class ServingReadiness(DirectoryHealthService health, IHostApplicationLifetime lifetime, DirectoryStore store,
    Changes.ChangeFollower follower, ILogger<ServingReadiness> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        lifetime.ApplicationStopping.Register(() => health.SetServing(false));
        follower.StalledChanged += health.SetChangeFeedStalled;   // a stalled change feed: writes would not be seen
        health.SetChangeFeedStalled(follower.Stalled is not null);
        if (!await Started(stoppingToken)) return;
        health.SetServing(!lifetime.ApplicationStopping.IsCancellationRequested);
        bool? last = null;
        while (!stoppingToken.IsCancellationRequested && !lifetime.ApplicationStopping.IsCancellationRequested)
        {
            var reachable = await DatabaseReachable(stoppingToken);
            if (lifetime.ApplicationStopping.IsCancellationRequested) break;
            if (reachable != last)
            {
                health.SetWritable(reachable);
                if (!reachable) LogUnreachable(logger, store.Target.Description);
                else if (last is not null) LogReachable(logger, store.Target.Description);
                last = reachable;
            }
            try
            {
                await Task.Delay(Interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private async Task<bool> Started(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled());
        try
        {
            await started.Task;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task<bool> DatabaseReachable(CancellationToken cancellation)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            timeout.CancelAfter(Interval);
            return await store.IsReachableAsync(timeout.Token);
        }
        catch (Exception) when (!cancellation.IsCancellationRequested)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database {Path} is not reachable: writes are refused (AdminService NOT_SERVING), reads are served from the last snapshot")]
    private static partial void LogUnreachable(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database {Path} is reachable again: AdminService SERVING")]
    private static partial void LogReachable(ILogger logger, string path);
}
