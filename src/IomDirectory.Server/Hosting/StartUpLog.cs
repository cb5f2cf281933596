using System.Diagnostics;

namespace IomDirectory.Server.Hosting;

/// <summary>
/// The line that closes start-up: time since the process started and where memory stands, so start-up time and
/// resident memory can be read off the log (the scale benchmark prints it) and told apart from the managed heap.
/// </summary>
internal static partial class StartUpLog
{
    public static void Serving(ILogger logger)
    {
        using var process = Process.GetCurrentProcess();
        var sinceStart = DateTime.Now - process.StartTime;
        var heap = GC.GetGCMemoryInfo();
        LogServing(logger, sinceStart.TotalMilliseconds, process.TotalProcessorTime.TotalMilliseconds, ToMegabytes(process.WorkingSet64),
            ToMegabytes(GC.GetTotalMemory(forceFullCollection: false)), ToMegabytes(heap.HeapSizeBytes), ToMegabytes(heap.TotalCommittedBytes),
            GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration().TotalMilliseconds);
    }

    private static double ToMegabytes(long bytes) => bytes / (1024.0 * 1024.0);

    [LoggerMessage(Level = LogLevel.Information, Message = "Server ready in {Elapsed:0} ms after process start (CPU {Cpu:0} ms); " +
        "resident {Resident:0} MB, managed objects {Live:0} MB, GC heap {Heap:0} MB, GC committed {Committed:0} MB; " +
        "collections {Gen0}/{Gen1}/{Gen2} (gen 0/1/2), paused {Paused:0} ms")]
    private static partial void LogServing(ILogger logger, double elapsed, double cpu, double resident, double live, double heap, double committed,
        int gen0, int gen1, int gen2, double paused);
}
