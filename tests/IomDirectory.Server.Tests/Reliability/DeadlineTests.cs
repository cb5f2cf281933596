using IomDirectory.Testing.Reliability;
using IomDirectory.Server.Tests.Support;

namespace IomDirectory.Server.Tests.Reliability;

/// <summary>Short deadlines while the server is saturated end, with DEADLINE_EXCEEDED (or OK when fast enough), never hang.</summary>
[TestFixture]
public sealed class DeadlineTests
{
    [Test]
    public async Task ShortDeadlines_UnderSaturation_EndDeadlineExceeded_NeverHang()
    {
        using var folder = new TempFolder();
        await using var server = await ServerProcess.StartAsync(folder.File("directory.db"));

        var result = await DeadlineRun.RunAsync(server.Address, calls: 200);

        TestContext.Out.WriteLine(result);
        Assert.That(result.Other, Is.Empty, "every call ended DEADLINE_EXCEEDED or OK; 'hang' means no answer within 60 s: " + result);
        Assert.That(result.DeadlineExceeded, Is.GreaterThan(0), result.ToString());
    }
}
