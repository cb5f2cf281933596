using System.Collections.Concurrent;
using System.Threading.Channels;
using IomDirectory.Server.Infrastructure;
using IomDirectory.Server.Webhooks.Internal;
using Microsoft.EntityFrameworkCore;
using IomDirectory.Server.Changes;

namespace IomDirectory.Server.Webhooks;

/// <summary>
/// Delivers committed changes to webhook subscribers. It wakes when this replica's snapshot catches up with a
/// change (its own writes, or another replica's announced ones) and every <see cref="WebhookOptions.PollInterval"/>;
/// each subscriber that is due and has changes after its cursor is delivered to by one <see cref="SubscriberDelivery"/>
/// at a time, at most <see cref="WebhookOptions.MaxConcurrentDeliveries"/> subscribers at once. Nothing is held in
/// memory between rounds: the audit trail and the cursors are the queue, so a crash or a restart loses nothing.
/// </summary>
public sealed partial class WebhookDispatcher(DirectoryStore store, WebhookOptions options, WebhookTargets targets, IHttpClientFactory clients,
    ChangeFollower follower, ILogger<WebhookDispatcher> logger) : BackgroundService
{
    /// <summary>The named HTTP client deliveries use (no redirects, Polly retries and timeout: <see cref="WebhookHosting"/>).</summary>
    public const string HttpClientName = "webhooks";

    private readonly string _replica = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly ConcurrentDictionary<string, Task> _running = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _slots = new(options.MaxConcurrentDeliveries, options.MaxConcurrentDeliveries);

    /// <summary>This replica's name in the subscribers' lease column.</summary>
    public string Replica => _replica;

    /// <summary>Asks for a round now (a change was applied, or a subscriber was added or re-enabled).</summary>
    public void Wake() => _wake.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Action<long, long> caughtUp = (_, _) => Wake();
        follower.CaughtUp += caughtUp;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await StartDueAsync(stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    LogRoundFailed(logger, ex);
                }
                using var poll = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                poll.CancelAfter(options.PollInterval);
                try
                {
                    await _wake.Reader.ReadAsync(poll.Token);
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            follower.CaughtUp -= caughtUp;
            await Task.WhenAll(_running.Values);   // each ends at its next await once stopping is cancelled
        }
    }

    /// <summary>Starts a delivery for every due subscriber that has changes waiting and is not being delivered to already.</summary>
    private async Task StartDueAsync(CancellationToken stoppingToken)
    {
        List<string> due;
        await using (var db = store.CreateContext())
        {
            var now = DateTime.UtcNow;
            var latest = await Snapshots.DirectoryContent.LatestSequenceAsync(db, stoppingToken);
            due = await db.WebhookSubscriptions.AsNoTracking()
                .Where(w => w.Enabled && w.NextAttemptAt <= now && w.DeliveredSequence < latest && (w.LeaseUntil == null || w.LeaseUntil < now || w.LeaseOwner == _replica))
                .OrderBy(w => w.NextAttemptAt).Select(w => w.Id).Take(options.MaxSubscribers).ToListAsync(stoppingToken);
        }
        foreach (var id in due)
        {
            if (_running.ContainsKey(id)) continue;
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (!_running.TryAdd(id, started.Task)) continue;
            _ = Task.Run(async () =>
            {
                var progressed = false;
                try
                {
                    await _slots.WaitAsync(stoppingToken);
                    try
                    {
                        var delivery = new SubscriberDelivery(store, options, targets, clients.CreateClient(HttpClientName), _replica, logger);
                        progressed = await delivery.RunAsync(id, stoppingToken);
                    }
                    finally
                    {
                        _slots.Release();
                    }
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                }
                catch (Exception ex)
                {
                    LogDeliveryFailed(logger, ex, id);
                }
                finally
                {
                    _running.TryRemove(id, out _);
                    started.SetResult();
                    if (progressed) Wake();   // more may be waiting: another round at once, now that this subscriber is free again
                }
            }, CancellationToken.None);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A webhook round failed (the database may be unreachable); it is tried again at the next poll")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivering to webhook subscriber {Id} failed; it is tried again at the next round")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception, string id);
}
