using IomDirectory.Server.ReadModel;
using Microsoft.Extensions.Configuration;

namespace IomDirectory.Server.Tests.Caching;

/// <summary>The ReadModel settings that bound views of other dates (applied by <see cref="ViewLimits.Configure"/> at start-up).</summary>
[TestFixture]
[NonParallelizable]
public sealed class ViewLimitsTests
{
    [TearDown]
    public void RestoreDefaults() => ViewLimits.Configure(new ConfigurationBuilder().Build());

    [Test]
    public void Configure_ReadsTheReadModelSettings()
    {
        ViewLimits.Configure(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ReadModel:HistoricalViews"] = "2",
            ["ReadModel:ConcurrentHistoricalBuilds"] = "3",
        }).Build());
        Assert.That((ViewLimits.HistoricalViews, ViewLimits.ConcurrentBuilds), Is.EqualTo((2, 3)));
    }

    [Test]
    public void Build_RunsAtMostTheConfiguredNumberAtOnce()
    {
        ViewLimits.Configure(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ReadModel:ConcurrentHistoricalBuilds"] = "2",
        }).Build());
        var running = 0;
        var most = 0;
        Parallel.For(0, 16, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ => ViewLimits.Build(() =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref most, now);
            Thread.Sleep(20);
            return Interlocked.Decrement(ref running);
        }));
        Assert.That(most, Is.LessThanOrEqualTo(2));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (var seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
            if (Interlocked.CompareExchange(ref target, value, seen) == seen) return;
    }
}
