using IomDirectory.Bench.Support;

namespace IomDirectory.Bench.Scale;

/// <summary>`scale` settings: org sizes, mailboxes, measured calls per RPC, client concurrency, server starts per size.</summary>
public sealed record ScaleOptions(IReadOnlyList<int> Sizes, int Mailboxes, int Calls, int Concurrency, int Runs)
{
    public static ScaleOptions Parse(IReadOnlyList<string> args) => new(
        (CommandLine.Value(args, "--sizes") ?? "1000,10000,100000").Split(',').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToList(),
        CommandLine.Int(args, "--mailboxes", 20_000), CommandLine.Int(args, "--calls", 2000), CommandLine.Int(args, "--concurrency", 8),
        CommandLine.Int(args, "--runs", 3));
}
