using Microsoft.Extensions.Configuration;
using IomDirectory.Server.Snapshots;

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
    public void Build_RunsAtMostTheConfiguredNumberAtOnce_AndRefusesWhenTooManyWait()
    {
        ViewLimits.Configure(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ReadModel:ConcurrentHistoricalBuilds"] = "2",
        }).Build());
        var running = 0;
        var most = 0;
        var built = 0;
        var refused = 0;
        using var start = new Barrier(16);
        var threads = Enumerable.Range(0, 16).Select(_ => new Thread(() =>
        {
            start.SignalAndWait();
            try
            {
                ViewLimits.Build(() =>
                {
                    var now = Interlocked.Increment(ref running);
                    InterlockedMax(ref most, now);
                    Thread.Sleep(200);
                    Interlocked.Increment(ref built);
                    return Interlocked.Decrement(ref running);
                });
            }
            catch (ServerBusyException)
            {
                Interlocked.Increment(ref refused);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        Assert.That(most, Is.LessThanOrEqualTo(2));
        Assert.That(built + refused, Is.EqualTo(16));
        Assert.That(refused, Is.GreaterThan(0), "with 2 building and 4 waiting, the others are refused at once rather than queued");
    }

    [Test]
    public void Build_OverTheBudgetOfTheMinute_IsRefused()
    {
        ViewLimits.Configure(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ReadModel:HistoricalBuildsPerMinute"] = "5",
        }).Build());
        for (var i = 0; i < 5; i++)
            Assert.That(ViewLimits.Build(() => i), Is.EqualTo(i));
        var ex = Assert.Throws<ServerBusyException>(() => ViewLimits.Build(() => 0));
        Assert.That(ex!.Message, Does.Contain("5 views of other dates"));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (var seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
            if (Interlocked.CompareExchange(ref target, value, seen) == seen) return;
    }
}
