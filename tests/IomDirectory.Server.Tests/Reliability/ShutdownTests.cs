using IomDirectory.Contracts.V1;
using Grpc.Core;
using IomDirectory.Contracts.Transport;
using IomDirectory.Server.Tests.Support;

namespace IomDirectory.Server.Tests.Reliability;

/// <summary>SIGTERM during load: in-flight calls complete, the process exits 0.</summary>
[TestFixture]
public sealed class ShutdownTests
{
    [Test]
    public async Task Sigterm_DuringLoad_LetsInFlightCallsFinishAndExitsZero()
    {
        using var folder = new TempFolder();
        await using var server = await ServerProcess.StartAsync(folder.File("directory.db"));
        var outcomes = new System.Collections.Concurrent.ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();
        var load = Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await foreach (var _ in Api.Stream(() => server.Directory.GetSubtree(new GetSubtreeRequest())))
                    {
                    }
                    outcomes.Add("ok");
                }
                catch (RpcException ex)
                {
                    outcomes.Add(ex.StatusCode.ToString());
                }
                catch (HttpRequestException)
                {
                    outcomes.Add("refused");   // after the listener closed: a new call cannot connect at all
                }
            }
        })).ToList();

        while (outcomes.Count < 200) await Task.Delay(10);
        server.Terminate();
        await server.WaitForExitAsync(TimeSpan.FromSeconds(30));
        stop.Cancel();
        await Task.WhenAll(load);

        Assert.That(server.ExitCode, Is.EqualTo(0), server.Output);
        var failures = outcomes.Where(o => o != "ok").Distinct().ToList();
        Assert.That(failures, Is.SubsetOf(new[] { nameof(StatusCode.Unavailable), "refused" }),
            "calls either complete, are refused as UNAVAILABLE while stopping, or cannot connect once stopped; none is cut off");
    }
}
