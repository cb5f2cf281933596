using IomDirectory.Testing;
using IomDirectory.Testing.Reliability;
using IomDirectory.Bench;
using IomDirectory.Bench.Reliability;
using IomDirectory.Bench.Scale;
using IomDirectory.Bench.Wire;

// Benchmarks and long reliability runs of IomDirectory (Release build):
//   dotnet run -c Release --project bench/IomDirectory.Bench -- COMMAND [options]
// wire, scale and reliability-long start the built server as a process, print a table and save CSV (and PNG
// charts) under bench/results/.
var rest = args.Skip(1).ToArray();
return args.FirstOrDefault() switch
{
    "routing-accuracy" => await RoutingAccuracy.RunAsync(rest),
    "routing-speed" => await RoutingSpeed.RunAsync(rest),
    "routing-delta" => RoutingDeltaBenchmark.Run(rest),
    "all" => await RoutingAccuracy.RunAsync([]) | await RoutingSpeed.RunAsync([]),
    "wire" => await WireBenchmark.RunAsync(WireOptions.Parse(rest)),
    "scale" => await ScaleBenchmark.RunAsync(ScaleOptions.Parse(rest)),
    "reliability-long" => await LongReliabilityRun.RunAsync(rest),
    "generate" => ScaleBenchmark.Generate(rest),
    "search-delta" => SearchDeltaBenchmark.Run(rest),
    "web" => await WebPagesBenchmark.RunAsync(rest),
    "replicas" => await ReplicasBenchmark.RunAsync(rest),
    "webhooks" => await WebhooksBenchmark.RunAsync(rest),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: dotnet run -c Release --project bench/IomDirectory.Bench -- COMMAND [options]
          routing-accuracy [DEV_SET.tsv]   top-1/top-3 accuracy of SuggestContacts over the dev set
          routing-speed [CALLS]            SuggestContacts latency in-process
          all                              both routing benchmarks
          wire                             h2load throughput/latency of GetUnit, SearchDirectory, SuggestContacts vs the bare endpoint
                                           [--connections 4] [--streams 16] [--seconds 10] [--warm-up 3] [--rounds 3]
          scale                            synthetic orgs of 1k/10k/100k units: start-up, memory, p50/p99 per RPC
                                           [--sizes 1000,10000,100000] [--mailboxes 20000] [--calls 2000] [--concurrency 1] [--runs 3]
          generate --out DIR [--size 100000] [--mailboxes 20000]
                                           write the synthetic org of `scale` as a data folder, to run the server on it
          search-delta --data DIR          a write's cost to the search index: full build vs SearchIndex.Next (one unit, a delta
                                           at the merge threshold), Find p50/p99 on the base alone and with a delta [--runs 20] [--calls 4000]
          web                              p50/p99 of GET /ask and /units/{id} on seed data and a synthetic org, /ask page weight
                                           [--sizes 0,100000] [--calls 1000] [--caches-off]
          replicas                         2 replicas on one PostgreSQL vs 1 server on SQLite: writes/s, read p50/p99 per server,
                                           write-to-visible-on-the-other-replica p50/p99 [--seconds 20] [--write-rate 10] [--readers 2]
          webhooks                         webhook delivery: commit-to-receipt p50/p99 at a steady write rate, deliveries/s replaying a backlog
                                           [--writes 300] [--write-rate 20] [--backlog 2000]
          reliability-long                 200k calls at 256 streams, 100k junk requests, deadlines under saturation
                                           [--requests 200000] [--junk 100000]
        """);
    return 2;
}
