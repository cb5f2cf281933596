using IomDirectory.Testing;
using System.Diagnostics;
using IomDirectory.Bench.Support;

namespace IomDirectory.Bench.Scale;

/// <summary>
/// `scale`: for each org size, generate the data folder; then, the sizes taking turns run by run, start the server on
/// each with a fresh database, timing start-up to the first SERVING health check, warm up (each RPC for a few seconds), read resident memory once the server has
/// returned its start-up garbage to the OS, and time each
/// RPC with a real client. Latency is single-client by default (one call in flight: the service's own latency,
/// which the targets mean); --concurrency N keeps N calls in flight, and then includes queueing. The answer caches
/// are off (<see cref="ServerUnderTest.CachesOff"/>): the figures are the cost of computing each answer. Medians over the runs.
/// </summary>
public static class ScaleBenchmark
{
    public static async Task<int> RunAsync(ScaleOptions options)
    {
        var pools = WordPools.Read(BenchPaths.Data);
        using var work = new ScratchFolder();
        var orgs = new List<OrgGenerator.Generated>();
        foreach (var size in options.Sizes)
        {
            var clock = Stopwatch.StartNew();
            var org = new OrgGenerator(pools).Write(work.File($"data-{size}"), size, options.Mailboxes);
            Console.WriteLine($"{org.TotalUnits} units ({org.Units.Count} synthetic), {org.Mailboxes} mailboxes: generated in {clock.Elapsed.TotalSeconds:0.0} s");
            orgs.Add(org);
        }
        // The sizes take turns, run by run: a shared machine's drift then falls on every size alike, not on the
        // ratios between the smallest and the largest.
        var runs = orgs.Select(_ => new List<ScaleMeasurement>()).ToList();
        for (var run = 1; run <= options.Runs; run++)
            for (var i = 0; i < orgs.Count; i++)
            {
                var measurement = await MeasureAsync(orgs[i], pools, work.File($"{options.Sizes[i]}-run{run}.db"), options);
                Console.WriteLine($"  {orgs[i].TotalUnits} units, run {run}: " + measurement.Describe());
                runs[i].Add(measurement);
            }
        var report = new ScaleReport([.. runs.Select(ScaleMeasurement.Median)], options);
        report.Print(Console.Out);
        return report.AllServed ? 0 : 1;
    }

    /// <summary>`generate`: the synthetic org of one size as a data folder (`--data DIR` of the server), for profiling start-up by hand.</summary>
    public static int Generate(IReadOnlyList<string> args)
    {
        if (CommandLine.Value(args, "--out") is not { } folder)
        {
            Console.Error.WriteLine("generate: --out DIR is required");
            return 2;
        }
        var org = new OrgGenerator(WordPools.Read(BenchPaths.Data))
            .Write(Path.GetFullPath(folder), CommandLine.Int(args, "--size", 100_000), CommandLine.Int(args, "--mailboxes", 20_000));
        Console.WriteLine($"{org.TotalUnits} units, {org.Mailboxes} mailboxes written to {org.Folder}");
        return 0;
    }

    private static async Task<ScaleMeasurement> MeasureAsync(OrgGenerator.Generated org, WordPools pools, string database, ScaleOptions options)
    {
        var measured = await MeasureFreshAsync(org, pools, database, options);
        // Profile of start-up: a second start on the now-seeded database skips reading data/ and seeding, so the
        // difference is the seeding cost and the rest is loading the snapshot and building its indexes.
        await using var restarted = await ServerUnderTest.StartAsync(database, org.Folder, ServerUnderTest.CachesOff);
        foreach (var line in restarted.StartUpProfile)
            Console.WriteLine("    restart: " + line);
        return measured with { RestartSeconds = restarted.StartUpTime.TotalSeconds, RestartResidentMb = Stats.ToMegabytes(restarted.ResidentBytes()) };
    }

    private static async Task<ScaleMeasurement> MeasureFreshAsync(OrgGenerator.Generated org, WordPools pools, string database, ScaleOptions options)
    {
        var key = database + ".jwt-signing.key";
        await using var server = await ServerUnderTest.StartAsync(database, org.Folder, [.. ServerUnderTest.CachesOff, "--Jwt:SigningKeyFile", key]);
        foreach (var line in server.StartUpProfile)
            Console.WriteLine("    start-up: " + line);
        var residentAtStart = server.ResidentBytes();
        var peakAtStart = server.PeakResidentBytes();
        var workload = new ScaleWorkload(server.Client, org.Units, pools);
        // Warm-up asks other questions than the measured calls, so that remembered answers do not stand in for them.
        foreach (var rpc in ScaleWorkload.Rpcs)
        {
            var call = workload.Call(rpc);
            await LatencyProbe.RunForAsync(TimeSpan.FromSeconds(options.WarmUpSeconds), options.Concurrency, i => call(options.Calls + i));
        }
        await server.WaitUntilSettledAsync(TimeSpan.FromSeconds(30));
        var resident = server.ResidentBytes();
        var latencies = new Dictionary<string, LatencyProbe.Result>();
        foreach (var rpc in ScaleWorkload.Rpcs)
            latencies[rpc] = await LatencyProbe.RunAsync(options.Calls, options.Concurrency, workload.Call(rpc));
        var token = IomDirectory.Security.LocalTokenIssuer.Mint(IomDirectory.Security.SigningKey.Read(key), "bench.editor", "directory.editor", TimeSpan.FromHours(4));
        var edits = options.Edits > 0 ? await workload.EditAsync(options.Edits, token) : [];
        return new ScaleMeasurement(org.TotalUnits, org.Mailboxes, server.StartUpTime.TotalSeconds, Stats.ToMegabytes(resident),
            latencies.ToDictionary(l => l.Key, l => ScaleMeasurement.Latency.From(l.Value)))
        {
            ResidentAtStartMb = Stats.ToMegabytes(residentAtStart), PeakAtStartMb = Stats.ToMegabytes(peakAtStart),
            EditsSeconds = edits.Sum() / 1000, EditP50 = edits.Count > 0 ? Stats.Percentile(edits, 50) : double.NaN,
            EditP99 = edits.Count > 0 ? Stats.Percentile(edits, 99) : double.NaN, ResidentAfterEditsMb = Stats.ToMegabytes(server.ResidentBytes()),
        };
    }
}
