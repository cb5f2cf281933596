using System.Diagnostics;
using System.Runtime;

namespace IomDirectory.Server.ReadModel;

/// <summary>
/// Hands the memory a load used back to the OS once its snapshot is published. Loading a large directory allocates
/// several times what the snapshot keeps (rows, texts, index builders); without a compacting collection the GC keeps
/// that space committed, and resident memory stays at the peak of the load rather than what is live.
/// </summary>
public static class LoadGarbage
{
    /// <summary>Collects and compacts every generation, the large object heap included; returns how long it took.</summary>
    public static TimeSpan Release()
    {
        var started = Stopwatch.GetTimestamp();
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        return Stopwatch.GetElapsedTime(started);
    }
}
