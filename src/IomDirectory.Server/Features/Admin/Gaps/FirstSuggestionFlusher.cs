using IomDirectory.Server.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IomDirectory.Server.Features.Admin.Gaps;

/// <summary>
/// Adds the counts of <see cref="FirstSuggestionCounter"/> to the database every <c>--Gaps:FlushInterval</c>
/// (default 30 s) and once more when the server stops, in one transaction: an upsert per record that adds to the
/// stored weight (the same SQL on SQLite and PostgreSQL), then only the <see cref="KeptRecords"/> heaviest rows are
/// kept. Off the request path: a failed flush (database unreachable) puts the counts back and tries again later.
/// </summary>
internal sealed partial class FirstSuggestionFlusher(FirstSuggestionCounter counter, DirectoryStore store, IConfiguration configuration,
    ILogger<FirstSuggestionFlusher> logger) : BackgroundService
{
    public const int KeptRecords = 5000;
    private static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue("Gaps:FlushInterval", DefaultInterval);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(interval, stoppingToken);
                await FlushAsync(CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(cancellationToken);
    }

    /// <summary>Writes what was counted; true when it was written (or there was nothing to write).</summary>
    public async Task<bool> FlushAsync(CancellationToken cancellationToken)
    {
        var (weights, leftOut) = counter.Drain();
        if (leftOut > 0) LogLeftOut(logger, leftOut, FirstSuggestionCounter.MaxPending);
        if (weights.Count == 0) return true;
        try
        {
            await using var db = store.CreateContext();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var now = DateTime.UtcNow;
            foreach (var (key, weight) in weights)
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO "FirstSuggestionCounts" ("RecordKey", "Weight", "LastAt") VALUES ({key}, {weight}, {now})
                    ON CONFLICT ("RecordKey") DO UPDATE SET "Weight" = "FirstSuggestionCounts"."Weight" + excluded."Weight", "LastAt" = excluded."LastAt"
                    """, cancellationToken);
            await db.Database.ExecuteSqlAsync($"""
                DELETE FROM "FirstSuggestionCounts" WHERE "RecordKey" NOT IN
                  (SELECT "RecordKey" FROM "FirstSuggestionCounts" ORDER BY "Weight" DESC LIMIT {KeptRecords})
                """, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            foreach (var (key, weight) in weights) counter.Restore(key, weight);
            LogFailed(logger, ex);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Counting first suggestions: {LeftOut} answers not counted, {Max} records were already waiting for the flush")]
    private static partial void LogLeftOut(ILogger logger, long leftOut, int max);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing the first-suggestion counts failed; they are kept for the next flush")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
