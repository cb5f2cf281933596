using IomDirectory.Testing;
using IomDirectory.Testing.Reliability;
using IomDirectory.Bench.Support;

namespace IomDirectory.Bench.Wire;

/// <summary>
/// `wire` settings: 64 concurrent streams as 4 connections × 16 streams, 3 rounds of 10 s by default.
/// <see cref="Baseline"/> (<c>--baseline REV|DIR</c>): an earlier build measured in the same rounds, a git revision of
/// this repository (published for the run) or a folder holding a published IomDirectory.Server.dll.
/// </summary>
public sealed record WireOptions(int Connections = 4, int Streams = 16, int Seconds = 10, int WarmUpSeconds = 3, int Rounds = 3, string? Baseline = null)
{
    public static WireOptions Parse(IReadOnlyList<string> args) => new(
        CommandLine.Int(args, "--connections", 4), CommandLine.Int(args, "--streams", 16), CommandLine.Int(args, "--seconds", 10),
        CommandLine.Int(args, "--warm-up", 3), CommandLine.Int(args, "--rounds", 3), CommandLine.Value(args, "--baseline"));
}
