using IomDirectory.Testing;
using IomDirectory.Testing.Reliability;
using IomDirectory.Bench.Support;

namespace IomDirectory.Bench.Scale;

/// <summary>
/// `scale` settings: org sizes, mailboxes, measured calls per RPC, client concurrency, server starts per size, and
/// sequential one-field edits measured after the reads (--edits, 500), seconds of warm-up per RPC before measuring (until the runtime has recompiled the hot paths with its optimizing
/// tier: right after start, tail latency is several times the steady state's).
/// Concurrency defaults to 1: the targets are service latency, and on a small machine with the client in this
/// process, concurrent callers mostly measure time spent queueing behind each other.
/// </summary>
public sealed record ScaleOptions(IReadOnlyList<int> Sizes, int Mailboxes, int Calls, int Concurrency, int Runs, int WarmUpSeconds, int Edits)
{
    public static ScaleOptions Parse(IReadOnlyList<string> args) => new(
        (CommandLine.Value(args, "--sizes") ?? "1000,10000,100000").Split(',').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToList(),
        CommandLine.Int(args, "--mailboxes", 20_000), CommandLine.Int(args, "--calls", 2000), CommandLine.Int(args, "--concurrency", 1),
        CommandLine.Int(args, "--runs", 3), CommandLine.Int(args, "--warm-up", 4), CommandLine.Int(args, "--edits", 500));
}
