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

    /// <summary>
    /// How long each step of start-up took, wall clock and the process's CPU (which counts the seeding's inserts
    /// where they overlap a step), from process start: the first step is the runtime and the host's settings.
    /// </summary>
    public sealed class Phases
    {
        private readonly List<string> _done = [];
        private DateTime _last;
        private TimeSpan _lastCpu;

        public Phases()
        {
            using var process = Process.GetCurrentProcess();
            _last = process.StartTime;
            Done("runtime and settings");
        }

        /// <summary>Ends the step under way; returns its wall-clock milliseconds.</summary>
        public double Done(string step)
        {
            using var process = Process.GetCurrentProcess();
            var (now, cpu) = (DateTime.Now, process.TotalProcessorTime);
            var wall = (now - _last).TotalMilliseconds;
            _done.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{step} {wall:0} ms (CPU {(cpu - _lastCpu).TotalMilliseconds:0})"));
            (_last, _lastCpu) = (now, cpu);
            return wall;
        }

        public void Log(ILogger logger) => LogPhases(logger, string.Join(", ", _done));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Start-up steps before serving: {Steps}")]
    private static partial void LogPhases(ILogger logger, string steps);

    private static double ToMegabytes(long bytes) => bytes / (1024.0 * 1024.0);

    [LoggerMessage(Level = LogLevel.Information, Message = "Server ready in {Elapsed:0} ms after process start (CPU {Cpu:0} ms); " +
        "resident {Resident:0} MB, managed objects {Live:0} MB, GC heap {Heap:0} MB, GC committed {Committed:0} MB; " +
        "collections {Gen0}/{Gen1}/{Gen2} (gen 0/1/2), paused {Paused:0} ms")]
    private static partial void LogServing(ILogger logger, double elapsed, double cpu, double resident, double live, double heap, double committed,
        int gen0, int gen1, int gen2, double paused);
}
