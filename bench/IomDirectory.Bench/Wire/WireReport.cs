using IomDirectory.Testing;
using IomDirectory.Bench.Support;

namespace IomDirectory.Bench.Wire;

/// <summary>
/// Medians over rounds per build and target, each ratio taken against the bare endpoint of the same build and round;
/// with a baseline, also each row's throughput against the baseline's same row, medians of per-round ratios.
/// Table, CSV, PNG.
/// </summary>
public sealed class WireReport
{
    /// <summary>How far below the baseline a row may fall (throughput ratio to the same row of the baseline).</summary>
    public const double MinimumOfBaseline = 0.9;

    private readonly ResultTable _table = new("build", "target", "req/s", "p50 ms", "p99 ms", "ratio to bare", "ratio target", "met",
        "vs baseline", "gRPC OK");
    private readonly List<(string Name, double Rps, double P50, double P99)> _bars = [];

    public bool AllOk { get; private set; } = true;

    public static WireReport Build(IReadOnlyList<WireRun.Outcome> runs, IReadOnlyList<WireTarget> targets, IReadOnlyList<string> builds, WireOptions options)
    {
        var report = new WireReport();
        foreach (var target in targets)
            foreach (var build in builds)
            {
                var bare = runs.Where(r => r.Build == build && r.Target == WireTarget.BareName).ToDictionary(r => r.Round, r => r.RequestsPerSecond);
                var mine = runs.Where(r => r.Build == build && r.Target == target.Name).ToList();
                if (mine.Count == 0)
                {
                    report._table.Add(build, target.Name, "-", "-", "-", "-", Format(target.RatioTarget), "not served", "-", "-");
                    continue;
                }
                var ratio = Stats.Median(mine.Where(r => bare.ContainsKey(r.Round)).Select(r => r.RequestsPerSecond / bare[r.Round]));
                var (rps, p50, p99) = (Stats.Median(mine.Select(r => r.RequestsPerSecond)), Stats.Median(mine.Select(r => r.P50Ms)), Stats.Median(mine.Select(r => r.P99Ms)));
                var ok = mine.All(r => r.AllOk);
                report.AllOk &= ok;
                var met = target.RatioTarget is { } t && !target.IsBare ? (ratio >= t ? "yes" : "NO") : "-";
                var versus = "-";
                if (build != WireBenchmark.Baseline && builds.Contains(WireBenchmark.Baseline))
                {
                    var theirs = runs.Where(r => r.Build == WireBenchmark.Baseline && r.Target == target.Name).ToDictionary(r => r.Round, r => r.RequestsPerSecond);
                    var perRound = mine.Where(r => theirs.ContainsKey(r.Round)).Select(r => r.RequestsPerSecond / theirs[r.Round]).ToList();
                    if (perRound.Count > 0)
                    {
                        var v = Stats.Median(perRound);
                        versus = v.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + (v >= MinimumOfBaseline ? "" : " (< 0.9)");
                    }
                }
                report._table.Add(build, target.Name, rps, p50, p99, target.IsBare ? "1" : ratio.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
                    Format(target.RatioTarget), met, versus, ok ? $"yes ({mine.Sum(r => r.Requests)} responses, {mine.Sum(r => r.Samples)} samples)" : "NO");
                report._bars.Add((builds.Count > 1 ? $"{target.Name} [{build}]" : target.Name, rps, p50, p99));
            }
        report.Options = options;
        return report;
    }

    private WireOptions Options { get; set; } = new();

    public void Print(TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"Wire benchmark: h2load, {Options.Connections * Options.Streams} concurrent streams ({Options.Connections} connections × {Options.Streams}), " +
                         $"medians of {Options.Rounds} rounds of {Options.Seconds} s");
        _table.Print(output);
        var csv = _table.SaveCsv(Path.Combine(BenchPaths.Results, "wire.csv"));
        var names = _bars.Select(b => b.Name).ToList();
        var throughput = BarChart.Save(Path.Combine(BenchPaths.Results, "wire-throughput.png"), "Requests/s over h2c (h2load, 64 streams)", "requests/s",
            names, [("req/s", _bars.Select(b => b.Rps).ToList())]);
        var latency = BarChart.Save(Path.Combine(BenchPaths.Results, "wire-latency.png"), "Latency under load (h2load, 64 streams)", "ms",
            names, [("p50", _bars.Select(b => b.P50).ToList()), ("p99", _bars.Select(b => b.P99).ToList())]);
        output.WriteLine($"Saved {csv}, {throughput}, {latency}");
    }

    private static string Format(double? target) => target is { } t ? "≥ " + t.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : "-";
}
