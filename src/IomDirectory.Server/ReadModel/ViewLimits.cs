namespace IomDirectory.Server.ReadModel;

/// <summary>
/// How many views of the org chart other than today's a snapshot keeps, and how many such views (with their search
/// and routing indexes) may be built at once in the whole process. A view as of another date is built on demand;
/// the most recently used few are kept, the rest are left to the garbage collector once their call is answered, so
/// a sweep of <c>as_of</c> instants costs time, never memory that stays.
/// </summary>
/// <remarks>Configuration <c>ReadModel:HistoricalViews</c> and <c>ReadModel:ConcurrentHistoricalBuilds</c>, applied by <see cref="Configure"/> at start-up.</remarks>
public static class ViewLimits
{
    public const int DefaultHistoricalViews = 8;

    private static SemaphoreSlim _builds = new(DefaultConcurrentBuilds, DefaultConcurrentBuilds);

    public static int DefaultConcurrentBuilds => Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>Views other than today's a snapshot keeps (least recently used go first); 0 keeps none.</summary>
    public static int HistoricalViews { get; private set; } = DefaultHistoricalViews;

    /// <summary>Builds of views, search and routing indexes other than today's that may run at once.</summary>
    public static int ConcurrentBuilds { get; private set; } = DefaultConcurrentBuilds;

    public static void Configure(IConfiguration configuration)
    {
        HistoricalViews = Math.Max(0, configuration.GetValue("ReadModel:HistoricalViews", DefaultHistoricalViews));
        var builds = Math.Max(1, configuration.GetValue("ReadModel:ConcurrentHistoricalBuilds", DefaultConcurrentBuilds));
        if (builds != ConcurrentBuilds)
            (_builds, ConcurrentBuilds) = (new SemaphoreSlim(builds, builds), builds);
    }

    /// <summary>Runs a build of something derived from a view other than today's, waiting for a free slot.</summary>
    public static T Build<T>(Func<T> build)
    {
        var gate = _builds;
        gate.Wait();
        try
        {
            return build();
        }
        finally
        {
            gate.Release();
        }
    }
}
