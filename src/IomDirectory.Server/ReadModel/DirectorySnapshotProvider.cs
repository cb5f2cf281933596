using System.Diagnostics;
using IomDirectory.Server.Infrastructure;
using IomDirectory.Server.Seeding;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace IomDirectory.Server.ReadModel;

/// <summary>
/// Holds the current snapshot. Readers take <see cref="Current"/> (a reference read, never blocked); a writer
/// that committed a change calls <see cref="ReloadAsync"/>, and the next read sees it.
/// </summary>
/// <remarks>Each reload logs how long its phases took, so start-up and write latency can be read off the log.</remarks>
public sealed partial class DirectorySnapshotProvider(Func<DirectoryDbContext> createContext, ILogger? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger.Instance;
    private readonly LoadGarbage _garbage = new(logger ?? NullLogger.Instance);
    private readonly SemaphoreSlim _reloadGate = new(1, 1);
    private DirectorySnapshot? _current;
    private long _generation;

    /// <summary>Runs on every new snapshot before readers see it (caches built per view warm themselves here).</summary>
    public event Action<DirectorySnapshot>? Loading;

    public DirectorySnapshot Current => _current ?? throw new InvalidOperationException("The directory has not been loaded yet.");

    public Task ReloadAsync(CancellationToken cancellationToken = default) => LoadAsync(null, cancellationToken);

    /// <summary>The first snapshot after seeding: built from the records just written, without reading them back.</summary>
    public Task LoadSeededAsync(DataSet seeded, CancellationToken cancellationToken = default) => LoadAsync(seeded, cancellationToken);

    /// <summary>
    /// Returns the memory loading used to the OS once loads have settled. Every reload does so; the first load is
    /// followed by the start-up work that builds on it, so the host asks once start-up is done.
    /// </summary>
    public void ReleaseGarbageSoon() => _garbage.ReleaseSoon();

    private async Task LoadAsync(DataSet? seeded, CancellationToken cancellationToken)
    {
        await _reloadGate.WaitAsync(cancellationToken);
        try
        {
            var started = Stopwatch.GetTimestamp();
            var generation = Interlocked.Increment(ref _generation);
            DirectoryContent content;
            if (seeded is not null)
                content = DirectoryContent.From(seeded, generation);
            else
                await using (var db = createContext())
                    content = await DirectoryContent.LoadAsync(db, generation, cancellationToken);
            var read = Stopwatch.GetElapsedTime(started);
            var snapshot = new DirectorySnapshot(content);
            var built = Stopwatch.GetElapsedTime(started);
            snapshot.At(DateTime.UtcNow);   // build today's view (and its indexes) before readers need it
            var viewed = Stopwatch.GetElapsedTime(started);
            Loading?.Invoke(snapshot);
            var first = _current is null;
            Volatile.Write(ref _current, snapshot);
            if (!first) ReleaseGarbageSoon();
            var total = Stopwatch.GetElapsedTime(started);
            LogReloaded(_logger, snapshot.Generation, snapshot.Units.Count, total.TotalMilliseconds, seeded is null ? "SQLite" : "the seeded data", read.TotalMilliseconds,
                (built - read).TotalMilliseconds, (viewed - built).TotalMilliseconds, (total - viewed).TotalMilliseconds);
        }
        finally
        {
            _reloadGate.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Directory snapshot {Generation} ({Units} units) ready in {Total:0} ms: " +
        "read from {Origin} {Read:0} ms, snapshot {Build:0} ms, today's view {View:0} ms, warm-up of derived indexes {Warm:0} ms")]
    private static partial void LogReloaded(ILogger logger, long generation, int units, double total, string origin, double read, double build,
        double view, double warm);
}
