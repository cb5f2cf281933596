using IomDirectory.Testing;
using IomDirectory.Testing.Reliability;
using System.Globalization;
using IomDirectory.Bench.Support;

namespace IomDirectory.Bench.Scale;

/// <summary>The scale table (one row per org size), the targets at the largest size, CSV and PNG.</summary>
public sealed class ScaleReport(IReadOnlyList<ScaleMeasurement> sizes, ScaleOptions options)
{
    public bool AllServed => sizes.All(s => s.Rpcs.Values.All(l => l.Failure is null));

    public void Print(TextWriter output)
    {
        var table = new ResultTable(["units", "mailboxes", "start-up s", "restart s", "RSS MB", "RSS at start MB", "peak RSS at start MB", "restart RSS MB",
            "edits s", "edit p50 ms", "edit p99 ms", .. ScaleWorkload.Rpcs.SelectMany(r => new[] { r + " p50 ms", r + " p99 ms" })]);
        foreach (var s in sizes)
            table.Add([s.Units, s.Mailboxes, s.StartUpSeconds, s.RestartSeconds, s.ResidentMb, s.ResidentAtStartMb, s.PeakAtStartMb, s.RestartResidentMb,
                s.EditsSeconds, s.EditP50, s.EditP99, .. ScaleWorkload.Rpcs.SelectMany(r => Cells(s.Rpcs[r]))]);
        output.WriteLine();
        output.WriteLine($"Scale benchmark: medians of {options.Runs} server starts per size; {options.Calls} calls per RPC after {options.WarmUpSeconds} s of warm-up each, " +
            (options.Concurrency == 1 ? "single client (one call in flight: service latency)" : $"{options.Concurrency} calls in flight (latency includes queueing)"));
        table.Print(output);
        PrintTargets(output);
        var csv = table.SaveCsv(Path.Combine(BenchPaths.Results, "scale.csv"));
        var chart = BarChart.Save(Path.Combine(BenchPaths.Results, "scale.png"), "p99 latency by org size", "ms",
            ScaleWorkload.Rpcs, sizes.Select(s => ($"{s.Units} units", (IReadOnlyList<double>)ScaleWorkload.Rpcs.Select(r => s.Rpcs[r].P99).ToList())).ToList());
        output.WriteLine($"Saved {csv}, {chart}");
    }

    private void PrintTargets(TextWriter output)
    {
        var largest = sizes.MaxBy(s => s.Units)!;
        var smallest = sizes.MinBy(s => s.Units)!;
        output.WriteLine($"Targets at {largest.Units} units:");
        Target(output, "SuggestContacts p99", largest.Rpcs["SuggestContacts"].P99, "ms", 5);
        Target(output, "start-up", largest.StartUpSeconds, "s", 5);
        Target(output, "restart", largest.RestartSeconds, "s", 3);
        Target(output, "resident memory", largest.ResidentMb, "MB", 400);
        Target(output, "peak resident memory at start-up", largest.PeakAtStartMb, "MB", 600);
        Target(output, "a write applied on its server, p99", largest.EditP99, "ms", 50);
        if (largest == smallest) return;
        foreach (var rpc in ScaleWorkload.Rpcs)
            foreach (var (name, pick) in new (string, Func<ScaleMeasurement.Latency, double>)[] { ("p50", l => l.P50), ("p99", l => l.P99) })
                Target(output, $"{rpc} {name} growth {smallest.Units}→{largest.Units}", pick(largest.Rpcs[rpc]) / pick(smallest.Rpcs[rpc]), "×", 3);
    }

    private static void Target(TextWriter output, string what, double value, string unit, double limit) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {what,-42} {value,8:0.00} {unit,-2}  target ≤ {limit} {unit}  {(double.IsNaN(value) ? "not measured" : value <= limit ? "met" : "MISSED")}"));

    private static object[] Cells(ScaleMeasurement.Latency l) => l.Failure is null ? [l.P50, l.P99] : ["n/a", "n/a"];
}
