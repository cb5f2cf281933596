using IomDirectory.Bench.Support;
using IomDirectory.Grpc;

namespace IomDirectory.Bench.Reliability;

/// <summary>
/// Many valid calls at high concurrency: counts non-OK answers, and compares the server's resident memory after
/// the run with its resident memory after a warm-up at the same concurrency.
/// </summary>
public static class LoadRun
{
    public sealed record Result(int Requests, int Concurrency, int NonOk, StatusCode? FirstNonOk, long ResidentAfterWarmUp, long ResidentAfterRun)
    {
        public double MemoryGrowth => (double)ResidentAfterRun / ResidentAfterWarmUp - 1;

        public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{Requests} requests at {Concurrency} streams: {NonOk} non-OK{(FirstNonOk is { } s ? $" (first {s})" : "")}; " +
            $"RSS after warm-up {Stats.ToMegabytes(ResidentAfterWarmUp):0} MB, after run {Stats.ToMegabytes(ResidentAfterRun):0} MB ({MemoryGrowth:+0.0%;-0.0%})");
    }

    public static async Task<Result> RunAsync(Uri address, int serverPid, int requests, int concurrency)
    {
        using var client = new GrpcClient(address);
        await LatencyProbe.RunAsync(Math.Max(requests / 10, concurrency * 4), concurrency, i => DirectoryCalls.Mixed(client, i));
        var afterWarmUp = await SettledResidentAsync(serverPid);
        var run = await LatencyProbe.RunAsync(requests, concurrency, i => DirectoryCalls.Mixed(client, i));
        var afterRun = await SettledResidentAsync(serverPid);
        return new Result(requests, concurrency, run.Failures, run.FirstFailure, afterWarmUp, afterRun);
    }

    /// <summary>Resident memory once the server has been idle a moment (in-flight work finished, buffers returned).</summary>
    public static async Task<long> SettledResidentAsync(int pid)
    {
        await Task.Delay(1000);
        return ResidentMemory.Of(pid);
    }
}
