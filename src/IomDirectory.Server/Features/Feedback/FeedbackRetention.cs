using IomDirectory.Server.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IomDirectory.Server.Features.Feedback;

/// <summary>
/// Deletes suggestions and feedback older than <c>--Feedback:RetentionDays</c> (default 180), whatever their state,
/// at start and every hour: what staff sent (a contact among it) is not kept longer than it is useful.
/// </summary>
internal sealed partial class FeedbackRetention(DirectoryStore store, FeedbackSettings settings, TimeProvider time,
    ILogger<FeedbackRetention> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await DeleteExpiredAsync(stoppingToken);
                await Task.Delay(Interval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Deletes what has passed its retention; the number deleted (0 when the database could not be reached).</summary>
    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow().UtcDateTime.AddDays(-settings.RetentionDays);
        try
        {
            await using var db = store.CreateContext();
            var deleted = await db.Suggestions.Where(s => s.CreatedAt < before).ExecuteDeleteAsync(cancellationToken);
            if (deleted > 0) LogDeleted(logger, deleted, settings.RetentionDays);
            return deleted;
        }
        catch (Exception ex) when (DirectoryStore.IsUnavailable(ex))
        {
            LogUnavailable(logger, ex.Message);
            return 0;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} suggestions older than {Days} days")]
    private static partial void LogDeleted(ILogger logger, int count, int days);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Suggestions past retention not deleted now: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string reason);
}
