namespace IomDirectory.Server.Snapshots;

/// <summary>
/// How many views of the org chart other than today's a snapshot keeps, and how many such views (with their search
/// and routing indexes) may be built at once in the whole process. A view as of another date is built on demand;
/// the most recently used few are kept, the rest are left to the garbage collector once their call is answered, so
/// a sweep of <c>as_of</c> instants costs time, never memory that stays.
/// </summary>
/// <remarks>
/// Building is CPU work any anonymous reader can ask for with an <c>as_of</c>, so it is bounded three ways: at most
/// <see cref="ConcurrentBuilds"/> at once; at most <see cref="MaxWaiting"/> more calls waiting for a slot, each for
/// at most <see cref="MaxWait"/> (the wait holds a thread, so the number of threads it can hold is bounded too);
/// and at most <see cref="BuildsPerMinute"/> builds a minute in the whole process (a token bucket). A build over any
/// of these is refused with <see cref="ServerBusyException"/> (RESOURCE_EXHAUSTED, a 503 page), at once, and
/// today's view and the kept views keep answering. Configuration <c>ReadModel:HistoricalViews</c>,
/// <c>ReadModel:ConcurrentHistoricalBuilds</c> and <c>ReadModel:HistoricalBuildsPerMinute</c>, applied by
/// <see cref="Configure"/> at start-up.
/// </remarks>
public static class ViewLimits
{
    public const int DefaultHistoricalViews = 8;
    public const int DefaultBuildsPerMinute = 600;
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(2);

    private static SemaphoreSlim _builds = new(DefaultConcurrentBuilds, DefaultConcurrentBuilds);
    private static System.Threading.RateLimiting.TokenBucketRateLimiter _budget = Budget(DefaultBuildsPerMinute);
    private static int _waiting;
    private static readonly AsyncLocal<bool> Writing = new();

    public static int DefaultConcurrentBuilds => Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>Views other than today's a snapshot keeps (least recently used go first); 0 keeps none.</summary>
    public static int HistoricalViews { get; private set; } = DefaultHistoricalViews;

    /// <summary>Builds of views, search and routing indexes other than today's that may run at once.</summary>
    public static int ConcurrentBuilds { get; private set; } = DefaultConcurrentBuilds;

    /// <summary>Calls that may wait for a build slot at once (twice the slots).</summary>
    public static int MaxWaiting => 2 * ConcurrentBuilds;

    /// <summary>Builds other than today's the whole process makes in a minute at most.</summary>
    public static int BuildsPerMinute { get; private set; } = DefaultBuildsPerMinute;

    public static void Configure(IConfiguration configuration)
    {
        HistoricalViews = Math.Max(0, configuration.GetValue("ReadModel:HistoricalViews", DefaultHistoricalViews));
        var builds = Math.Max(1, configuration.GetValue("ReadModel:ConcurrentHistoricalBuilds", DefaultConcurrentBuilds));
        if (builds != ConcurrentBuilds)
            (_builds, ConcurrentBuilds) = (new SemaphoreSlim(builds, builds), builds);
        var perMinute = Math.Max(1, configuration.GetValue("ReadModel:HistoricalBuildsPerMinute", DefaultBuildsPerMinute));
        // A fresh budget for a server that starts. The one it replaces is not disposed: another server of this process
        // (tests, replicas) may be acquiring from it at this moment.
        (_budget, BuildsPerMinute) = (Budget(perMinute), perMinute);
    }

    /// <summary>
    /// Runs a build of something derived from a view other than today's, in a free slot; waits for one only while
    /// few others wait, and briefly; else <see cref="ServerBusyException"/>.
    /// </summary>
    public static T Build<T>(Func<T> build)
    {
        var gate = _builds;
        if (Writing.Value) gate.Wait();
        else EnterMetered(gate);
        try
        {
            return build();
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>A reader's way into a build slot: within the minute's budget, and waiting only while few others wait.</summary>
    private static void EnterMetered(SemaphoreSlim gate)
    {
        using (var lease = _budget.AttemptAcquire())
        {
            if (!lease.IsAcquired)
                throw new ServerBusyException($"More than {BuildsPerMinute} views of other dates were asked for in the last minute; try again in a moment.");
        }
        if (gate.Wait(0)) return;
        if (Interlocked.Increment(ref _waiting) > MaxWaiting)
        {
            Interlocked.Decrement(ref _waiting);
            throw new ServerBusyException("Too many views of other dates are being built now; try again in a moment.");
        }
        try
        {
            if (!gate.Wait(MaxWait))
                throw new ServerBusyException("Too many views of other dates are being built now; try again in a moment.");
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    /// <summary>
    /// For the rest of the calling flow (a write's validation and handling, under the write gate): builds are not
    /// counted against the readers' budget and wait for a slot as long as it takes. Writes are authenticated and made
    /// one at a time, and a valid write must not be refused because anonymous readers spent the minute's budget.
    /// </summary>
    public static void UnmeteredForThisWrite() => Writing.Value = true;

    private static System.Threading.RateLimiting.TokenBucketRateLimiter Budget(int perMinute) => new(new()
    {
        TokenLimit = perMinute,
        TokensPerPeriod = Math.Max(1, perMinute / 60),
        ReplenishmentPeriod = TimeSpan.FromSeconds(perMinute >= 60 ? 1 : 60.0 / perMinute),
        QueueLimit = 0,
        AutoReplenishment = true,
    });
}

/// <summary>The server declines work it has no room for now (a build of a view of another date). Maps to RESOURCE_EXHAUSTED: retry later.</summary>
public sealed class ServerBusyException(string message) : Exception(message);
