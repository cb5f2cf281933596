using IomDirectory.Server.Infrastructure;

namespace IomDirectory.Server.Features.Admin.Common;

/// <summary>
/// Follows the changes other replicas commit (and retries catching up after this process's own, if that failed):
/// waits for an announcement from the store (PostgreSQL LISTEN/NOTIFY) for at most <see cref="PollInterval"/>, then
/// catches up in any case — so a lost notification, or one sent while the connection was down, delays a change by one
/// poll at most. While the database cannot be reached it retries with a growing delay, and reads go on being served
/// from the last snapshot; when it returns, the first catch-up applies everything missed, in order.
/// </summary>
internal sealed partial class ChangeFollowerService(ChangeFollower follower, DirectoryStore store, IConfiguration configuration,
    ILogger<ChangeFollowerService> logger) : BackgroundService
{
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(5);

    private TimeSpan PollInterval => configuration.GetValue("Changes:PollInterval", DefaultPollInterval);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await store.WaitForAnnouncementAsync(PollInterval, stoppingToken);   // an announcement, or time to poll
                await follower.CatchUpAsync(stoppingToken);
                if (failures > 0) LogRecovered(logger, store.Target.Description, failures);
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                if (failures++ == 0) LogFailing(logger, ex, store.Target.Description);
                var delay = TimeSpan.FromMilliseconds(Math.Min(MaxRetryDelay.TotalMilliseconds, 100 * Math.Pow(2, Math.Min(failures, 10))));
                try
                {
                    await Task.Delay(delay, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Following changes in {Database} failed; reads are served from the last snapshot, retrying")]
    private static partial void LogFailing(ILogger logger, Exception exception, string database);

    [LoggerMessage(Level = LogLevel.Information, Message = "Following changes in {Database} again after {Failures} failed attempts; the snapshot is current")]
    private static partial void LogRecovered(ILogger logger, string database, int failures);
}
