using System.Collections.Concurrent;
using IomDirectory.Testing;
using Grpc.Core;
using IomDirectory.Contracts.Transport;

namespace IomDirectory.Testing.Reliability;

/// <summary>
/// Junk on the wire in batches: mostly malformed gRPC over a real HTTP/2 stack, one in ten as malformed raw
/// HTTP/2 frames. After every batch a valid call must still succeed; resident memory is read after each batch.
/// </summary>
public static class JunkRun
{
    public sealed record Result(int Requests, IReadOnlyDictionary<JunkOutcome, int> Outcomes, IReadOnlyDictionary<string, int> FailuresByCase, int FailedValidCalls, long ResidentAfterFirstBatch,
        long ResidentAtEnd, long ResidentMax)
    {
        public int Unanswered => Outcomes.Where(o => !IsClean(o.Key)).Sum(o => o.Value);

        public double MemoryGrowth => (double)ResidentAtEnd / ResidentAfterFirstBatch - 1;

        public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{Requests} junk requests: {string.Join(", ", Outcomes.OrderBy(o => o.Key).Select(o => $"{o.Value} {o.Key}"))}; " +
            $"{(FailuresByCase.Count > 0 ? "failures by case: " + string.Join(", ", FailuresByCase.Select(f => $"{f.Key} ×{f.Value}")) + "; " : "")}" +
            $"{FailedValidCalls} valid calls failed after a batch; RSS after first batch {Stats.ToMegabytes(ResidentAfterFirstBatch):0} MB, " +
            $"at end {Stats.ToMegabytes(ResidentAtEnd):0} MB ({MemoryGrowth:+0.0%;-0.0%}), max {Stats.ToMegabytes(ResidentMax):0} MB");
    }

    public static async Task<Result> RunAsync(Uri address, int serverPid, int requests, int batchSize = 1000, int concurrency = 16, int seed = 1)
    {
        var outcomes = new ConcurrentDictionary<JunkOutcome, int>();
        var failures = new ConcurrentDictionary<string, int>();
        using var http = new HttpJunk(address);
        using var validChannel = Channels.For(address);
        var valid = new Contracts.V1.DirectoryService.DirectoryServiceClient(validChannel);
        var (failedValid, first, max, last) = (0, 0L, 0L, 0L);
        for (var sent = 0; sent < requests; sent += batchSize)
        {
            var count = Math.Min(batchSize, requests - sent);
            var next = -1;
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(w => Task.Run(async () =>
            {
                var random = new Random(HashCode.Combine(seed, sent, w));
                while (Interlocked.Increment(ref next) < count)
                {
                    var (kind, outcome) = random.Next(10) == 0 ? await FrameJunk.SendAsync(address, random) : await http.SendAsync(random);
                    outcomes.AddOrUpdate(outcome, 1, (_, n) => n + 1);
                    if (!IsClean(outcome)) failures.AddOrUpdate($"{kind}: {outcome}", 1, (_, n) => n + 1);
                }
            })));
            try
            {
                await DirectoryCalls.GetUnit(valid, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(30)));
            }
            catch (RpcException)
            {
                failedValid++;
            }
            last = ResidentMemory.Of(serverPid);
            if (first == 0) first = last;
            max = Math.Max(max, last);
        }
        last = await SettledResidentAsync(serverPid);
        return new Result(requests, outcomes.ToDictionary(), failures.ToDictionary(), failedValid, first, last, Math.Max(max, last));
    }

    public static bool IsClean(JunkOutcome outcome) =>
        outcome is JunkOutcome.GrpcStatus or JunkOutcome.StreamReset or JunkOutcome.ConnectionGoAway or JunkOutcome.ClosedAfterTruncation;

    /// <summary>Resident memory once the server has been idle a moment (in-flight work finished, buffers returned).</summary>
    private static async Task<long> SettledResidentAsync(int pid)
    {
        await Task.Delay(1000);
        return ResidentMemory.Of(pid);
    }
}
