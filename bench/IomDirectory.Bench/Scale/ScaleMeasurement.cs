using IomDirectory.Testing;
using System.Globalization;
using IomDirectory.Bench.Support;

namespace IomDirectory.Bench.Scale;

/// <summary>What one server start on one org size showed: start-up, resident memory, and p50/p99 per RPC.</summary>
public sealed record ScaleMeasurement(int Units, int Mailboxes, double StartUpSeconds, double ResidentMb, IReadOnlyDictionary<string, ScaleMeasurement.Latency> Rpcs)
{
    /// <summary>p50/p99 in ms; <see cref="Failure"/> names the status when calls failed (e.g. UNIMPLEMENTED).</summary>
    public sealed record Latency(double P50, double P99, string? Failure)
    {
        public static Latency From(LatencyProbe.Result r) =>
            new(r.P50, r.P99, r.Failures == 0 ? null : $"{r.Failures} calls failed ({r.FirstFailure})");
    }

    /// <summary>Resident memory at the first SERVING answer, before any call.</summary>
    public double ResidentAtStartMb { get; init; }

    /// <summary>Start-up on the already seeded database (no data/ reading, no seeding): snapshot loading alone.</summary>
    public double RestartSeconds { get; init; }

    public double RestartResidentMb { get; init; }

    /// <summary>The most resident memory during start-up (the high-water mark at the first SERVING answer).</summary>
    public double PeakAtStartMb { get; init; }

    /// <summary>The sequential one-field edits after the reads: their total time and per-write p50/p99 (ms).</summary>
    public double EditsSeconds { get; init; } = double.NaN;
    public double EditP50 { get; init; } = double.NaN;
    public double EditP99 { get; init; } = double.NaN;

    /// <summary>Resident memory once the edits are done.</summary>
    public double ResidentAfterEditsMb { get; init; } = double.NaN;

    public string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"start-up {StartUpSeconds:0.00} s (restart on seeded db {RestartSeconds:0.00} s), " +
            $"RSS at start {ResidentAtStartMb:0} MB (peak {PeakAtStartMb:0} MB), after warm-up {ResidentMb:0} MB (restart {RestartResidentMb:0} MB), " +
            $"edits {EditsSeconds:0.0} s (p50 {EditP50:0.0} / p99 {EditP99:0.0} ms, RSS after {ResidentAfterEditsMb:0} MB), ") +
        string.Join(", ", Rpcs.Select(r => r.Value.Failure is { } f
            ? $"{r.Key} {f}"
            : string.Create(CultureInfo.InvariantCulture, $"{r.Key} p50 {r.Value.P50:0.00} / p99 {r.Value.P99:0.00} ms")));

    public static ScaleMeasurement Median(IReadOnlyList<ScaleMeasurement> runs) => new(
        runs[0].Units, runs[0].Mailboxes,
        Stats.Median(runs.Select(r => r.StartUpSeconds)), Stats.Median(runs.Select(r => r.ResidentMb)),
        runs[0].Rpcs.Keys.ToDictionary(rpc => rpc, rpc => new Latency(
            Stats.Median(runs.Select(r => r.Rpcs[rpc].P50)), Stats.Median(runs.Select(r => r.Rpcs[rpc].P99)),
            runs.Select(r => r.Rpcs[rpc].Failure).FirstOrDefault(f => f is not null))))
    {
        ResidentAtStartMb = Stats.Median(runs.Select(r => r.ResidentAtStartMb)),
        RestartSeconds = Stats.Median(runs.Select(r => r.RestartSeconds)),
        RestartResidentMb = Stats.Median(runs.Select(r => r.RestartResidentMb)),
        PeakAtStartMb = Stats.Median(runs.Select(r => r.PeakAtStartMb)),
        EditsSeconds = Stats.Median(runs.Select(r => r.EditsSeconds)),
        EditP50 = Stats.Median(runs.Select(r => r.EditP50)),
        EditP99 = Stats.Median(runs.Select(r => r.EditP99)),
        ResidentAfterEditsMb = Stats.Median(runs.Select(r => r.ResidentAfterEditsMb)),
    };
}
