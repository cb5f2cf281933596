using System.Runtime;
using IomDirectory.Server.Hosting;
using IomDirectory.Server.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace IomDirectory.Server.Tests.Hosting;

/// <summary>Start-up allocates without collections, within a budget, and ends that before serving.</summary>
[TestFixture]
[NonParallelizable]
public sealed class StartUpAllocationTests
{
    [Test]
    public void StartUp_RunsInANoGcRegion_EndedOnDispose()
    {
        using (StartUpAllocation.Begin(RepositoryPaths.Data, NullLogger.Instance))
        {
            Assert.That(GCSettings.LatencyMode, Is.EqualTo(GCLatencyMode.NoGCRegion));
            var before = GC.CollectionCount(0);
            var garbage = Enumerable.Range(0, 10_000).Select(i => new byte[1024]).ToList();   // ~10 MB, within the 64 MB minimum
            Assert.That(GC.CollectionCount(0), Is.EqualTo(before), "no collection within the budget");
            GC.KeepAlive(garbage);
        }
        Assert.That(GCSettings.LatencyMode, Is.Not.EqualTo(GCLatencyMode.NoGCRegion));
    }

    [Test]
    public void AStartUpThatOutgrowsTheBudget_CollectsAsUsual_AndEndsCleanly()
    {
        var allocation = StartUpAllocation.Begin(RepositoryPaths.Data, NullLogger.Instance);
        var kept = new List<byte[]>();
        for (var i = 0; i < 400; i++) kept.Add(new byte[1 << 20]);   // 400 MB: past the budget of a small data/
        Assert.That(GCSettings.LatencyMode, Is.Not.EqualTo(GCLatencyMode.NoGCRegion));
        Assert.DoesNotThrow(allocation.Dispose);
        GC.KeepAlive(kept);
    }
}
