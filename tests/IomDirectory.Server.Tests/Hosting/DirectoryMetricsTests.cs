using System.Diagnostics.Metrics;
using IomDirectory.Server.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace IomDirectory.Server.Tests.Hosting;

/// <summary>The instruments of <see cref="DirectoryMetrics"/> read through a MeterListener, on a clock the test moves.</summary>
[TestFixture]
public sealed class DirectoryMetricsTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private ServiceProvider _services = null!;
    private ManualClock _clock = null!;
    private DirectoryMetrics _metrics = null!;
    private MeterListener _listener = null!;
    private readonly Dictionary<string, double> _last = [];
    private readonly List<(string Name, double Value)> _recorded = [];

    [SetUp]
    public void Create()
    {
        _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var factory = _services.GetRequiredService<IMeterFactory>();
        _clock = new ManualClock(Start);
        _metrics = new DirectoryMetrics(factory, _clock);
        _last.Clear();
        _recorded.Clear();
        _listener = new MeterListener
        {
            // Only this test's meter: a running server elsewhere in the process has one of the same name.
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Scope == factory) listener.EnableMeasurementEvents(instrument);
            },
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => Measured(instrument, value));
        _listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => Measured(instrument, value));
        _listener.Start();
    }

    [TearDown]
    public void Dispose()
    {
        _listener.Dispose();
        _services.Dispose();
    }

    [Test]
    public void BeforeAnyReport_SequenceIsZeroAndAgeCountsFromStartUp()
    {
        _clock.Now = Start.AddSeconds(7);
        var gauges = Observe();
        Assert.Multiple(() =>
        {
            Assert.That(gauges["iomdir.snapshot.sequence"], Is.Zero);
            Assert.That(gauges["iomdir.snapshot.age"], Is.EqualTo(7));
            Assert.That(gauges["iomdir.changefeed.lag"], Is.Zero);
        });
    }

    [Test]
    public void Gauges_FollowTheLastConfirmationAndDatabaseSequence()
    {
        _metrics.SnapshotConfirmed(100, Start.AddSeconds(60).UtcDateTime);
        _metrics.DatabaseSequence(104);
        _clock.Now = Start.AddSeconds(62.5);
        var gauges = Observe();
        Assert.Multiple(() =>
        {
            Assert.That(gauges["iomdir.snapshot.sequence"], Is.EqualTo(100));
            Assert.That(gauges["iomdir.snapshot.age"], Is.EqualTo(2.5));
            Assert.That(gauges["iomdir.changefeed.lag"], Is.EqualTo(4));
        });
    }

    [Test]
    public void Lag_IsNeverNegative_WhenTheDatabaseWasReadBeforeTheSnapshotCaughtUp()
    {
        _metrics.DatabaseSequence(10);
        _metrics.SnapshotConfirmed(12, Start.UtcDateTime);
        Assert.That(Observe()["iomdir.changefeed.lag"], Is.Zero);
    }

    [Test]
    public void ChangeApplied_RecordsTheDelayInSeconds()
    {
        _metrics.ChangeApplied(TimeSpan.FromMilliseconds(1500));
        Assert.That(_recorded, Is.EqualTo(new[] { ("iomdir.changefeed.delay", 1.5) }));
    }

    [TestCase("0", "OK")]
    [TestCase("5", "NOT_FOUND")]
    [TestCase("14", "UNAVAILABLE")]
    [TestCase("16", "UNAUTHENTICATED")]
    [TestCase("17", "UNKNOWN")]
    [TestCase("-1", "UNKNOWN")]
    [TestCase("x", "UNKNOWN")]
    [TestCase(null, "UNKNOWN")]
    public void StatusName_IsTheCanonicalNameOrUnknown(string? value, string expected) =>
        Assert.That(RpcMetricsMiddleware.StatusName(value), Is.EqualTo(expected));

    private Dictionary<string, double> Observe()
    {
        _listener.RecordObservableInstruments();
        return new Dictionary<string, double>(_last);
    }

    private void Measured(Instrument instrument, double value)
    {
        if (instrument is ObservableInstrument<long> or ObservableInstrument<double>) _last[instrument.Name] = value;
        else _recorded.Add((instrument.Name, value));
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }
}
