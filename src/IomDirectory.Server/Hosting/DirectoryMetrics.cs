using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace IomDirectory.Server.Hosting;

/// <summary>
/// The directory's own instruments, on the meter <see cref="MeterName"/>: gRPC call durations (recorded by
/// <see cref="RpcMetricsMiddleware"/>), and how current this replica's in-memory snapshot is. The snapshot gauges read
/// what <see cref="SnapshotConfirmed"/>, <see cref="DatabaseSequence"/> and <see cref="ChangeApplied"/> were last told;
/// before the first call the sequence is 0 and the age counts from start-up (when this was created). A singleton; the
/// meter comes from the host's <see cref="IMeterFactory"/>, so it is disposed with the host and a second host in the
/// same process (the tests) keeps its own instruments.
/// </summary>
public sealed class DirectoryMetrics
{
    public const string MeterName = "IomDirectory";

    /// <summary>Sub-millisecond (answers from the snapshot) to seconds (imports, slow clients).</summary>
    private static readonly double[] RpcBuckets =
        [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    /// <summary>A change reaches a replica on its next poll or notification: milliseconds to minutes.</summary>
    private static readonly double[] DelayBuckets =
        [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];

    private readonly TimeProvider _time;
    private readonly Histogram<double> _rpcDuration;
    private readonly Histogram<double> _changeDelay;
    private long _snapshotSequence;
    private long _confirmedAtTicks;
    private long _databaseSequence;
    private int _stalled;

    public DirectoryMetrics(IMeterFactory meters, TimeProvider time)
    {
        _time = time;
        _confirmedAtTicks = time.GetUtcNow().UtcTicks;
        var meter = meters.Create(MeterName);
        _rpcDuration = meter.CreateHistogram("iomdir.rpc.server.duration", "s", "Duration of gRPC calls (gRPC-Web included), by method and status.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = RpcBuckets });
        _changeDelay = meter.CreateHistogram("iomdir.changefeed.delay", "s", "From a change's commit to this replica applying it.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DelayBuckets });
        meter.CreateObservableGauge("iomdir.snapshot.sequence", () => Volatile.Read(ref _snapshotSequence), null,
            "The last audit sequence the in-memory snapshot includes.");
        meter.CreateObservableGauge("iomdir.snapshot.age", SnapshotAge, "s",
            "Seconds since the snapshot was last confirmed current against the database.");
        meter.CreateObservableGauge("iomdir.changefeed.lag", ChangeFeedLag, "{change}",
            "Committed changes the database holds beyond the snapshot.");
        meter.CreateObservableGauge("iomdir.changefeed.stalled", () => Volatile.Read(ref _stalled), null,
            "1 while the change feed is stalled (the audit trail holds what no valid write produced; writes are refused), else 0.");
    }

    /// <summary>The snapshot includes every change up to <paramref name="sequence"/>, checked at <paramref name="confirmedAtUtc"/>.</summary>
    public void SnapshotConfirmed(long sequence, DateTime confirmedAtUtc)
    {
        Volatile.Write(ref _snapshotSequence, sequence);
        Volatile.Write(ref _confirmedAtTicks, confirmedAtUtc.ToUniversalTime().Ticks);
    }

    /// <summary>The last audit sequence the database has committed, as last read.</summary>
    public void DatabaseSequence(long latestCommitted) => Volatile.Write(ref _databaseSequence, latestCommitted);

    /// <summary>Whether the change feed is stalled.</summary>
    public void ChangeFeedStalled(bool stalled) => Volatile.Write(ref _stalled, stalled ? 1 : 0);

    /// <summary>This replica applied a change <paramref name="delay"/> after it was committed.</summary>
    public void ChangeApplied(TimeSpan delay) => _changeDelay.Record(Math.Max(0, delay.TotalSeconds));

    internal bool RecordsRpcs => _rpcDuration.Enabled;

    internal void RpcCompleted(string method, string status, TimeSpan elapsed)
    {
        var tags = new TagList { { "rpc.method", method }, { "rpc.grpc.status_code", status } };
        _rpcDuration.Record(elapsed.TotalSeconds, tags);
    }

    private double SnapshotAge()
    {
        var age = _time.GetUtcNow().UtcTicks - Volatile.Read(ref _confirmedAtTicks);
        return Math.Max(0, age) / (double)TimeSpan.TicksPerSecond;
    }

    private long ChangeFeedLag() => Math.Max(0, Volatile.Read(ref _databaseSequence) - Volatile.Read(ref _snapshotSequence));
}
