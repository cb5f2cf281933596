using IomDirectory.Bench.Support;

namespace IomDirectory.Bench.Wire;

/// <summary>
/// `wire`: h2load at 64 concurrent streams (4 connections × 16) against GetUnit, SearchDirectory,
/// SuggestContacts and the bare endpoint of the same server process, in rounds so every ratio is measured
/// within one round; medians over rounds. GetUnit and SuggestContacts are measured again on a second, idle-until-then
/// server with its answer caches off. Every response is checked to be gRPC OK (see <see cref="WireRun"/>).
/// </summary>
public static class WireBenchmark
{
    public static async Task<int> RunAsync(WireOptions options)
    {
        await H2Load.EnsureInstalledAsync();
        using var work = new ScratchFolder();
        await using var server = await ServerUnderTest.StartAsync(work.File("wire.db"), BenchPaths.Data, "--Grpc:EnableBareBenchmarkEndpoint=true");
        await using var cachesOff = await ServerUnderTest.StartAsync(work.File("wire-caches-off.db"), BenchPaths.Data, ServerUnderTest.CachesOff);
        Console.WriteLine($"Server up in {server.StartUpTime.TotalSeconds:0.00} s at {server.Address} (caches off: {cachesOff.Address}); " +
                          $"h2load -c {options.Connections} -m {options.Streams}, {options.Seconds} s per run after a {options.WarmUpSeconds} s warm-up run, {options.Rounds} rounds");

        var runs = new List<WireRun.Outcome>();
        var targets = new List<(WireTarget Target, WireRun Run)>();
        foreach (var target in WireTarget.All)
        {
            var run = await WireRun.PrepareAsync(target.CachesOff ? cachesOff : server, target, work, options);
            if (run is null) Console.WriteLine($"{target.Name}: not served here, skipped");
            else targets.Add((target, run));
        }
        for (var round = 1; round <= options.Rounds; round++)
            foreach (var (target, run) in targets)
            {
                var outcome = await run.MeasureAsync(round);
                runs.Add(outcome);
                Console.WriteLine($"  round {round} {target.Name,-16} {outcome.RequestsPerSecond,9:0} req/s  p50 {outcome.P50Ms:0.00} ms  p99 {outcome.P99Ms:0.00} ms  {(outcome.AllOk ? "all gRPC OK" : "NOT ALL OK: " + outcome.Problem)}");
            }

        var report = WireReport.Build(runs, WireTarget.All, options);
        report.Print(Console.Out);
        return report.AllOk ? 0 : 1;
    }
}
