using System.Runtime;

namespace IomDirectory.Server.Hosting;

/// <summary>
/// Start-up runs in a no-GC region sized from data/. Loading allocates about a dozen times the size of data/
/// (parsed files, records, snapshot, indexes), most of it garbage by the time the server is ready; collecting
/// while the heap grows from nothing cost a 100k-unit start about ten full collections, half a second of pauses
/// and a second of CPU. Once start-up is done the region ends, and the post-load compacting collection
/// (<see cref="ReadModel.LoadGarbage"/>) returns the memory to the OS soon after serving begins. When the budget is
/// not available (a container's memory limit, another region in progress) or start-up allocates more than it,
/// the GC runs as usual.
/// </summary>
internal sealed partial class StartUpAllocation : IDisposable
{
    private const long BytesPerDataByte = 12;
    private const long Minimum = 64L << 20;
    private const long Maximum = 1536L << 20;

    private readonly ILogger _logger;
    private readonly bool _started;

    private StartUpAllocation(ILogger logger, long budget)
    {
        _logger = logger;
        try
        {
            _started = budget > 0 && GC.TryStartNoGCRegion(budget);
        }
        catch (Exception ex) when (ex is ArgumentOutOfRangeException or InvalidOperationException)
        {
            _started = false;   // larger than the GC allows, or a region already in progress: collect as usual
        }
        LogBegun(logger, budget >> 20, _started);
    }

    /// <summary>Starts the region for a start-up on <paramref name="dataDirectory"/>.</summary>
    public static StartUpAllocation Begin(string dataDirectory, ILogger logger) => new(logger, Budget(dataDirectory));

    /// <summary>Ends the region, unless start-up outgrew it (the GC then ended it).</summary>
    public void Dispose()
    {
        if (!_started || GCSettings.LatencyMode != GCLatencyMode.NoGCRegion) return;
        try
        {
            GC.EndNoGCRegion();
        }
        catch (InvalidOperationException)
        {
            // A collection happened after all (the budget was exceeded); nothing to end.
        }
    }

    /// <summary>A dozen bytes per byte of data/, within [64 MB, 1.5 GB] and at most a quarter of the memory available.</summary>
    private static long Budget(string dataDirectory)
    {
        var data = Directory.Exists(dataDirectory)
            ? new DirectoryInfo(dataDirectory).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length)
            : 0;
        var available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 4;
        return Math.Min(Math.Clamp(data * BytesPerDataByte, Minimum, Maximum), available);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Start-up allocation budget {Budget} MB without collections: {Started}")]
    private static partial void LogBegun(ILogger logger, long budget, bool started);
}
