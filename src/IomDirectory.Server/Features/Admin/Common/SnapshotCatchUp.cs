using IomDirectory.Server.Application;
using IomDirectory.Server.ReadModel;

namespace IomDirectory.Server.Features.Admin.Common;

/// <summary>
/// Brings the in-memory snapshot up to the database after a write committed. A failed reload must not turn a
/// committed write into a reported failure (the caller would retry a change that is already made), so it is retried
/// at once a few times, then in the background until it succeeds; meanwhile the next write first tries to catch up,
/// and is refused (nothing applied) if it cannot, since its validators would otherwise check a stale org chart.
/// </summary>
public sealed partial class SnapshotCatchUp(DirectorySnapshotProvider snapshots, ILogger<SnapshotCatchUp> logger)
{
    private static readonly TimeSpan[] Retries = [TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500)];
    private long _commits;
    private long _behindSince;   // the commit the snapshot does not show yet; 0 when it is current
    private int _background;

    /// <summary>Whether the snapshot is known to be behind the database.</summary>
    public bool IsBehind => Volatile.Read(ref _behindSince) != 0;

    /// <summary>After a commit: reloads, retrying; never throws (the write is committed whatever happens here).</summary>
    public async Task AfterCommitAsync()
    {
        var commit = Interlocked.Increment(ref _commits);
        Volatile.Write(ref _behindSince, commit);
        for (var attempt = 0; ; attempt++)
        {
            if (await TryReloadAsync(attempt, CancellationToken.None)) return;
            if (attempt == Retries.Length) break;
            await Task.Delay(Retries[attempt]);
        }
        LogStillBehind(logger);
        if (Interlocked.Exchange(ref _background, 1) == 0)
            _ = Task.Run(CatchUpInBackgroundAsync);
    }

    /// <summary>Before a write (under the write gate): catches up if behind, or refuses the write.</summary>
    public async Task EnsureCurrentAsync(CancellationToken cancellationToken)
    {
        if (!IsBehind || await TryReloadAsync(0, cancellationToken)) return;
        throw new PreconditionFailedException("The directory is catching up with a change already committed (reloading it failed); " +
            "this write was not applied. Retry in a moment.");
    }

    private async Task<bool> TryReloadAsync(int attempt, CancellationToken cancellationToken)
    {
        var behind = Volatile.Read(ref _behindSince);
        try
        {
            await snapshots.ReloadAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogReloadFailed(logger, ex, attempt + 1);
            return false;
        }
        // Only what was committed before this reload began is now shown; a later failure keeps its own mark.
        Interlocked.CompareExchange(ref _behindSince, 0, behind);
        return true;
    }

    private async Task CatchUpInBackgroundAsync()
    {
        var delay = TimeSpan.FromSeconds(1);
        try
        {
            for (var attempt = 0; IsBehind; attempt++)
            {
                await Task.Delay(delay);
                if (await TryReloadAsync(attempt, CancellationToken.None)) LogCaughtUp(logger);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
            }
        }
        finally
        {
            Volatile.Write(ref _background, 0);
            if (IsBehind && Interlocked.Exchange(ref _background, 1) == 0)
                _ = Task.Run(CatchUpInBackgroundAsync);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Reloading the directory after a committed write failed (attempt {Attempt})")]
    private static partial void LogReloadFailed(ILogger logger, Exception exception, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "The in-memory directory is behind the database; retrying in the background")]
    private static partial void LogStillBehind(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "The in-memory directory caught up with the database")]
    private static partial void LogCaughtUp(ILogger logger);
}
