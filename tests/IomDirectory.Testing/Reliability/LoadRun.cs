using IomDirectory.Testing;
using Grpc.Core;
using IomDirectory.Contracts.Transport;

namespace IomDirectory.Testing.Reliability;

/// <summary>
/// Many valid calls at high concurrency: counts non-OK answers, and compares the server's resident memory at the
/// end of the run with its resident memory at the end of a warm-up of as many calls of the same mix at the same
/// concurrency.
/// </summary>
/// <remarks>
/// The warm-up is as long as the run because the GC sizes its generation budgets over the first tens of thousands
/// of calls at 256 streams (measured with server GC and DATAS, the server's GC until it moved to workstation GC): RSS climbs, overshoots by 10-25% for several seconds
/// and only then comes back, while the managed heap left after a full GC stays the same size throughout. A
/// warm-up of a tenth of the run sampled that climb and reported GC sizing as growth. Memory after N calls
/// against memory after 2N calls is past that transient, and a leak per call still shows as growth. Each level is
/// the median RSS over the second half of its phase (<see cref="ResidentSampler"/>), not one sample of a value
/// that moves by several percent under steady load.
/// </remarks>
public static class LoadRun
{
    public sealed record Result(int Requests, int Concurrency, int NonOk, StatusCode? FirstNonOk, long ResidentAfterWarmUp, long ResidentAfterRun)
    {
        public double MemoryGrowth => (double)ResidentAfterRun / ResidentAfterWarmUp - 1;

        public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{Requests} requests at {Concurrency} streams: {NonOk} non-OK{(FirstNonOk is { } s ? $" (first {s})" : "")}; " +
            $"RSS (median of each phase's second half) at end of warm-up of {Requests} calls {Stats.ToMegabytes(ResidentAfterWarmUp):0} MB, " +
            $"at end of run {Stats.ToMegabytes(ResidentAfterRun):0} MB ({MemoryGrowth:+0.0%;-0.0%})");
    }

    public static async Task<Result> RunAsync(Uri address, int serverPid, int requests, int concurrency)
    {
        using var clientChannel = Channels.For(address);
        var client = new Contracts.V1.DirectoryService.DirectoryServiceClient(clientChannel);
        var (_, afterWarmUp) = await ResidentSampler.DuringAsync(serverPid, () => LatencyProbe.RunAsync(requests, concurrency, i => DirectoryCalls.Mixed(client, i)));
        var (run, afterRun) = await ResidentSampler.DuringAsync(serverPid, () => LatencyProbe.RunAsync(requests, concurrency, i => DirectoryCalls.Mixed(client, i)));
        return new Result(requests, concurrency, run.Failures, run.FirstFailure, afterWarmUp, afterRun);
    }
}
