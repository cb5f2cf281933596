using IomDirectory.Testing.Reliability;
using IomDirectory.Server.Tests.Support;

namespace IomDirectory.Server.Tests.Reliability;

/// <summary>The fast version of junk on the wire (the 100k one is `bench -- reliability-long`).</summary>
[TestFixture]
public sealed class JunkTests
{
    [Test]
    public async Task FiveThousandMalformedRequests_AreEachAnsweredWithAStatusOrAReset_AndTheServerKeepsServing()
    {
        using var folder = new TempFolder();
        await using var server = await ServerProcess.StartAsync(folder.File("directory.db"));

        var result = await JunkRun.RunAsync(server.Address, server.Id, requests: 5_000, batchSize: 500);

        TestContext.Out.WriteLine(result);
        Assert.That(result.Unanswered, Is.Zero, result.ToString());
        Assert.That(result.FailedValidCalls, Is.Zero, result.ToString());
        Assert.That(server.HasExited, Is.False, server.Output);
        Assert.That(result.MemoryGrowth, Is.LessThan(0.5), "resident memory stays flat across batches (generous margin): " + result);
    }
}
