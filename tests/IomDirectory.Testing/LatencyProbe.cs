using System.Diagnostics;
using Grpc.Core;
using IomDirectory.Contracts.Transport;

namespace IomDirectory.Testing;

/// <summary>Makes calls at a fixed concurrency and records each call's latency as a real client sees it.</summary>
public static class LatencyProbe
{
    public sealed record Result(IReadOnlyList<double> LatenciesMs, int Failures, StatusCode? FirstFailure)
    {
        public double P50 => Stats.Percentile(LatenciesMs, 50);
        public double P99 => Stats.Percentile(LatenciesMs, 99);
    }

    /// <summary>Makes calls at a fixed concurrency for a while (a warm-up); returns how many were made.</summary>
    /// <param name="call">Makes call number i.</param>
    public static async Task<int> RunForAsync(TimeSpan duration, int concurrency, Func<int, Task> call)
    {
        var clock = Stopwatch.StartNew();
        var next = -1;
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < duration)
            {
                try { await call(Interlocked.Increment(ref next)); }
                catch (RpcException) { }
            }
        }));
        await Task.WhenAll(workers);
        return next + 1;
    }

    /// <param name="call">Makes call number i.</param>
    public static async Task<Result> RunAsync(int calls, int concurrency, Func<int, Task> call)
    {
        var latencies = new double[calls];
        var failures = 0;
        StatusCode? firstFailure = null;
        var next = -1;
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < calls; i = Interlocked.Increment(ref next))
            {
                var clock = Stopwatch.StartNew();
                try
                {
                    await call(i);
                    latencies[i] = clock.Elapsed.TotalMilliseconds;
                }
                catch (RpcException ex)
                {
                    latencies[i] = double.NaN;
                    if (Interlocked.Increment(ref failures) == 1) firstFailure = ex.StatusCode;
                }
            }
        }));
        await Task.WhenAll(workers);
        return new Result(latencies.Where(double.IsFinite).ToList(), failures, firstFailure);
    }
}
