using System.Diagnostics;
using System.Runtime;

namespace IomDirectory.Server.Snapshots;

/// <summary>
/// Hands the memory a load used back to the OS once its snapshot is published. Loading a large directory allocates
/// far more than the snapshot keeps (rows, texts, index builders); the GC keeps that space committed, so resident
/// memory would stay at the peak of the load. Only an aggressive (decommitting) collection returns it; it stops the
/// process for a while, so it runs in the background, once a burst of loads has settled.
/// </summary>
public sealed partial class LoadGarbage(ILogger logger) : IDisposable
{
    /// <summary>How long loads must have stopped before the collection runs: a burst of writes costs one collection.</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);

    /// <summary>
    /// A change applied allocates little (the changed records, copies of a few tables), so it does not ask for a
    /// collection; once changes have allocated this much since the last one, the next settle collects, so that a long run
    /// of writes does not leave resident memory at the peak of its garbage.
    /// </summary>
    public const long ChangesBudgetBytes = 256L << 20;

    private Timer? _timer;
    private long _allocatedAtRelease = GC.GetTotalAllocatedBytes();

    /// <summary>After a change applied: collects <see cref="Settle"/> after the last call once changes have allocated <see cref="ChangesBudgetBytes"/>.</summary>
    public void ReleaseSoonIfOverBudget()
    {
        if (GC.GetTotalAllocatedBytes() - Interlocked.Read(ref _allocatedAtRelease) > ChangesBudgetBytes) ReleaseSoon();
    }

    /// <summary>Collects (again) <see cref="Settle"/> after the last call.</summary>
    public void ReleaseSoon()
    {
        var timer = _timer ??= new Timer(_ => Release(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        timer.Change(Settle, Timeout.InfiniteTimeSpan);
    }

    public void Dispose() => _timer?.Dispose();

    private void Release()
    {
        var started = Stopwatch.GetTimestamp();
        var before = Environment.WorkingSet;
        Interlocked.Exchange(ref _allocatedAtRelease, GC.GetTotalAllocatedBytes());
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        LogReleased(logger, Stopwatch.GetElapsedTime(started).TotalMilliseconds, before / 1048576.0, Environment.WorkingSet / 1048576.0,
            GC.GetGCMemoryInfo().HeapSizeBytes / 1048576.0);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Memory of the last load released in {Elapsed:0} ms: resident {Before:0} MB -> {After:0} MB, managed heap {Heap:0} MB")]
    private static partial void LogReleased(ILogger logger, double elapsed, double before, double after, double heap);
}
