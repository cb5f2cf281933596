namespace IomDirectory.Bench.Reliability;

/// <summary>`reliability-long`: placeholder replaced below.</summary>
public static class LongReliabilityRun
{
    public static Task<int> RunAsync(IReadOnlyList<string> args) => Task.FromResult(args.Count);
}
