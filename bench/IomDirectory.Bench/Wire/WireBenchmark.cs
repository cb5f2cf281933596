using IomDirectory.Testing;
using IomDirectory.Bench.Support;

namespace IomDirectory.Bench.Wire;

/// <summary>
/// `wire`: h2load at 64 concurrent streams (4 connections × 16) against GetUnit, SearchDirectory,
/// SuggestContacts and the bare endpoint of the same server process, in rounds so every ratio is measured
/// within one round; medians over rounds. GetUnit and SuggestContacts are measured again on a second, idle-until-then
/// server with its answer caches off. Every response is checked to be gRPC OK (see <see cref="WireRun"/>).
/// With <c>--baseline</c>, an earlier build runs the same targets in the same rounds, taking turns with this one, and
/// the report puts each row beside the baseline's.
/// </summary>
public static class WireBenchmark
{
    public const string Current = "current";
    public const string Baseline = "baseline";

    private sealed record Build(string Name, ServerUnderTest Server, ServerUnderTest CachesOff);

    public static async Task<int> RunAsync(WireOptions options)
    {
        await H2Load.EnsureInstalledAsync();
        using var work = new ScratchFolder();
        var baselineAssembly = options.Baseline is { } b ? BaselineBuild.Resolve(b) : null;
        var builds = new List<Build> { await StartAsync(Current, ServerUnderTest.ServerAssembly, BenchPaths.Data, work) };
        if (baselineAssembly is not null)
            builds.Add(await StartAsync(Baseline, baselineAssembly, BaselineBuild.DataOf(baselineAssembly), work));
        try
        {
            Console.WriteLine($"h2load -c {options.Connections} -m {options.Streams}, {options.Seconds} s per run after a {options.WarmUpSeconds} s warm-up run, {options.Rounds} rounds");

            var runs = new List<WireRun.Outcome>();
            var targets = new List<(Build Build, WireTarget Target, WireRun Run)>();
            foreach (var build in builds)
                foreach (var target in WireTarget.All)
                {
                    var run = await WireRun.PrepareAsync(build.Name, target.CachesOff ? build.CachesOff : build.Server, target, work, options);
                    if (run is null) Console.WriteLine($"{build.Name} {target.Name}: not served here, skipped");
                    else targets.Add((build, target, run));
                }
            for (var round = 1; round <= options.Rounds; round++)
                foreach (var (build, target, run) in targets)
                {
                    var outcome = await run.MeasureAsync(round);
                    runs.Add(outcome);
                    Console.WriteLine($"  round {round} {build.Name,-8} {target.Name,-28} {outcome.RequestsPerSecond,9:0} req/s  p50 {outcome.P50Ms:0.00} ms  p99 {outcome.P99Ms:0.00} ms  {(outcome.AllOk ? "all gRPC OK" : "NOT ALL OK: " + outcome.Problem)}");
                }

            var report = WireReport.Build(runs, WireTarget.All, builds.Select(x => x.Name).ToList(), options);
            report.Print(Console.Out);
            return report.AllOk ? 0 : 1;
        }
        finally
        {
            foreach (var build in builds)
            {
                await build.Server.DisposeAsync();
                await build.CachesOff.DisposeAsync();
            }
        }
    }

    private static async Task<Build> StartAsync(string name, string assembly, string data, ScratchFolder work)
    {
        var server = await ServerUnderTest.StartBuildAsync(assembly, work.File(name + "-wire.db"), data, "--Grpc:EnableBareBenchmarkEndpoint=true");
        var cachesOff = await ServerUnderTest.StartBuildAsync(assembly, work.File(name + "-wire-caches-off.db"), data, ServerUnderTest.CachesOff);
        Console.WriteLine($"{name}: {assembly}, up in {server.StartUpTime.TotalSeconds:0.00} s at {server.Address} (caches off: {cachesOff.Address})");
        return new Build(name, server, cachesOff);
    }
}
