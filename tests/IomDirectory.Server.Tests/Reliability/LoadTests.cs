using IomDirectory.Testing.Reliability;
using IomDirectory.Server.Tests.Support;

namespace IomDirectory.Server.Tests.Reliability;

/// <summary>The fast version of the load run (the 200k one is `bench -- reliability-long`).</summary>
[TestFixture]
public sealed class LoadTests
{
    [Test]
    public async Task TwentyThousandCalls_At256Streams_AreAllOk_AndMemoryStaysBounded()
    {
        using var folder = new TempFolder();
        await using var server = await ServerProcess.StartAsync(folder.File("directory.db"));

        var result = await LoadRun.RunAsync(server.Address, server.Id, requests: 20_000, concurrency: 256);

        TestContext.Out.WriteLine(result);
        Assert.That(result.NonOk, Is.Zero, result.ToString());
        // Generous bound on a shared 2-core machine: 20k calls are too few for the server GC to have settled its
        // budgets; a leak of even a few KB per call would blow far past it. The long run checks 10%.
        Assert.That(result.MemoryGrowth, Is.LessThan(1.0), result.ToString());
    }
}
