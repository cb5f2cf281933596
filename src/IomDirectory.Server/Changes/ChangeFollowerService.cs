using System.Diagnostics;
using IomDirectory.Server.Infrastructure;

namespace IomDirectory.Server.Changes;

/// <summary>
/// Follows the changes other replicas commit (and retries catching up after this process's own, if that failed):
/// waits for an announcement from the store (PostgreSQL LISTEN/NOTIFY) for at most <see cref="PollInterval"/>, then
/// catches up — so a lost notification, or one sent while the connection was down, delays a change by one poll at
/// most. Anyone who can connect can NOTIFY, so announcements cost little: one naming a sequence the snapshot already
/// shows costs no round trip, and announcements start at most one catch-up per <see cref="MinCatchUpInterval"/>.
/// While the database cannot be reached it retries with a growing delay, and reads go on being served from the last
/// snapshot; when it returns, the first catch-up applies everything missed, in order.
/// </summary>
internal sealed partial class ChangeFollowerService(ChangeFollower follower, DirectoryStore store, IConfiguration configuration,
    ILogger<ChangeFollowerService> logger) : BackgroundService
{
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(5);

    /// <summary>Announcements arriving faster than this are taken in together by one catch-up.</summary>
    public static readonly TimeSpan MinCatchUpInterval = TimeSpan.FromMilliseconds(100);

    private TimeSpan PollInterval => configuration.GetValue("Changes:PollInterval", DefaultPollInterval);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        var lastCatchUp = Stopwatch.GetTimestamp();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var untilPoll = PollInterval - Stopwatch.GetElapsedTime(lastCatchUp);
                var announced = untilPoll > TimeSpan.Zero ? await store.WaitForAnnouncementAsync(untilPoll, stoppingToken) : null;
                var pollDue = Stopwatch.GetElapsedTime(lastCatchUp) >= PollInterval;
                if (announced is { } sequence && !pollDue)
                {
                    if (sequence <= follower.Sequence) continue;   // shown already (or not a sequence): no round trip
                    var early = MinCatchUpInterval - Stopwatch.GetElapsedTime(lastCatchUp);
                    if (early > TimeSpan.Zero) await Task.Delay(early, stoppingToken);
                }
                lastCatchUp = Stopwatch.GetTimestamp();
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
