using IomDirectory.Testing;
using System.Diagnostics;
using System.Globalization;
using FieldMask = Google.Protobuf.WellKnownTypes.FieldMask;
using Grpc.Core;
using IomDirectory.Bench.Support;
using IomDirectory.Contracts.Transport;
using IomDirectory.Contracts.V1;

namespace IomDirectory.Bench;

/// <summary>
/// Two server replicas (processes) on one PostgreSQL database, against one server on SQLite: a writer renames units
/// through the first server at a steady rate (each write the next of the org chart's units in turn, as edits spread
/// over a directory; renaming one unit ten times a second would measure its growing history instead) while closed-loop readers (GetUnit and SuggestContacts, half each) run
/// on every server; a probe on the other replica polls the unit from the moment each write is sent and times when the
/// write becomes visible there (it may be before the writer has its answer). On SQLite the probe reads the same server.
/// Reported: writes/s achieved, write latency (sent to acknowledged), read p50/p99 per server, write-to-visible
/// p50/p99 (sent to first seen on the other replica), and the other replica's own timings of applying a change.
/// </summary>
public static class ReplicasBenchmark
{
    private static readonly string[] Questions =
    [
        "Who handles cash-based interventions?", "Appui pour la coordination et la gestion des camps", "¿Quién se ocupa de las transferencias monetarias?",
        "Who do I contact about climate action?", "Help with displacement tracking in Sudan", "Qui contacter pour la protection des migrants ?",
    ];

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var seconds = CommandLine.Int(args, "--seconds", 20);
        var rate = CommandLine.Int(args, "--write-rate", 10);
        var readers = CommandLine.Int(args, "--readers", 2);
        var size = CommandLine.Int(args, "--units", 0);
        Console.WriteLine($"replicas: {seconds} s, a writer at {rate} writes/s on the first server, {readers} closed-loop readers per server");

        var table = new ResultTable("store", "servers", "writes/s", "write p50 ms", "write p99 ms", "server", "reads", "read p50 ms", "read p99 ms",
            "visible p50 ms", "visible p99 ms", "not seen");
        using var scratch = new ScratchFolder();
        var key = scratch.File("jwt-signing.key");
        // --units N: the org chart of the scale benchmark (data/ plus synthetic units up to N), else data/ as it is.
        var data = size > 0
            ? new Scale.OrgGenerator(Scale.WordPools.Read(BenchPaths.Data)).Write(scratch.File("data"), size, CommandLine.Int(args, "--mailboxes", 20_000)).Folder
            : BenchPaths.Data;
        if (size > 0) Console.WriteLine($"on an org chart of {size} units");
        await using (var postgres = await PostgresServer.StartAsync())
        {
            var database = postgres.ConnectionString(await postgres.CreateDatabaseAsync());
            await using var a = await ServerUnderTest.StartAsync(database, data, "--Jwt:SigningKeyFile", key);
            await using var b = await ServerUnderTest.StartAsync(database, data, "--Jwt:SigningKeyFile", key);
            await RunOnceAsync("PostgreSQL", [a, b], key, seconds, rate, readers, table);
        }
        await using (var single = await ServerUnderTest.StartAsync(scratch.File("directory.db"), data, "--Jwt:SigningKeyFile", key))
            await RunOnceAsync("SQLite", [single], key, seconds, rate, readers, table);

        table.Print(Console.Out);
        Console.WriteLine($"saved {table.SaveCsv(Path.Combine(BenchPaths.Results, "replicas.csv"))}");
        return 0;
    }

    private static async Task RunOnceAsync(string store, IReadOnlyList<ServerUnderTest> servers, string key, int seconds, int rate, int readers, ResultTable table)
    {
        var writer = servers[0];
        var probe = servers[^1];
        var token = IomDirectory.Security.LocalTokenIssuer.Mint(IomDirectory.Security.SigningKey.Read(key), "bench.writer", "directory.editor", TimeSpan.FromHours(1));
        await WarmUpAsync(servers);

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var reads = servers.Select(_ => new List<double>()).ToArray();
        var readTasks = servers.SelectMany((server, s) => Enumerable.Range(0, readers).Select(r => Task.Run(() => ReadLoopAsync(server, r, reads[s], stop.Token)))).ToList();

        var writes = new List<double>();
        var visible = new List<double>();
        var notSeen = 0;
        var clock = Stopwatch.StartNew();
        var units = (await writer.Directory.ListUnitsAsync(new ListUnitsRequest { Kind = UnitKind.Unit, PageSize = 500 })).Units.Select(u => u.Id).ToList();
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate);
            if (clock.Elapsed < due) await Task.Delay(due - clock.Elapsed);
            if (stop.IsCancellationRequested) break;
            var id = units[i % units.Count];
            var version = (await GetAsync(writer, id)).Version;
            var name = $"Bench unit {store} {i}";
            var sent = Stopwatch.GetTimestamp();
            var seeing = Task.Run(() => SeenAsync(probe, id, name, sent));
            await writer.Admin.UpdateUnitAsync(new UpdateUnitRequest
            {
                Id = id, ExpectedVersion = version, Unit = new UnitInput { Name = new LocalizedText { En = name } },
                UpdateMask = new FieldMask { Paths = { "name.en" } }, Write = new WriteContext { Reason = "bench replicas" },
            }, new CallOptions(headers: new Metadata { { "authorization", "Bearer " + token } }));
            writes.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            if (await seeing is { } after) visible.Add(after.TotalMilliseconds);
            else notSeen++;
        }
        var elapsed = clock.Elapsed.TotalSeconds;
        await Task.WhenAll(readTasks);
        for (var s = 0; s < servers.Count; s++)
        {
            var applied = servers[s].Output.Split('\n').Where(l => l.Contains(" changes to ", StringComparison.Ordinal) && l.Contains(" ready in ", StringComparison.Ordinal))
                .Select(l => double.Parse(l[(l.IndexOf(" ready in ", StringComparison.Ordinal) + 10)..].Split(' ')[0], CultureInfo.InvariantCulture)).ToList();
            if (applied.Count > 0)
                Console.WriteLine($"{store}, server {s + 1}: {applied.Count} catch-ups (read the changes, new snapshot and indexes): p50 {Stats.Percentile(applied, 50):0} ms, " +
                                  $"p99 {Stats.Percentile(applied, 99):0} ms, max {applied.Max():0} ms");
        }
        for (var s = 0; s < servers.Count; s++)
        {
            table.Add(store, servers.Count, (writes.Count / elapsed).ToString("0.0", CultureInfo.InvariantCulture),
                Ms(Stats.Percentile(writes, 50)), Ms(Stats.Percentile(writes, 99)), s == 0 ? "1 (writer)" : $"{s + 1}",
                reads[s].Count, Ms(Stats.Percentile(reads[s], 50)), Ms(Stats.Percentile(reads[s], 99)),
                Ms(Stats.Percentile(visible, 50)), Ms(Stats.Percentile(visible, 99)), notSeen);
        }
    }

    /// <summary>When <paramref name="server"/> first shows the name, counted from <paramref name="sent"/>; null if not within 5 s.</summary>
    private static async Task<TimeSpan?> SeenAsync(ServerUnderTest server, string id, string name, long sent)
    {
        while (Stopwatch.GetElapsedTime(sent) < TimeSpan.FromSeconds(5))
        {
            if ((await GetAsync(server, id)).Names.En == name) return Stopwatch.GetElapsedTime(sent);
            await Task.Delay(1);
        }
        return null;
    }

    private static async Task WarmUpAsync(IEnumerable<ServerUnderTest> servers)
    {
        foreach (var server in servers)
            for (var i = 0; i < 200; i++)
                await ReadAsync(server, i);
    }

    private static async Task ReadLoopAsync(ServerUnderTest server, int reader, List<double> times, CancellationToken stop)
    {
        for (var i = reader; !stop.IsCancellationRequested; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await ReadAsync(server, i);
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            lock (times) times.Add(ms);
        }
    }

    private static Task ReadAsync(ServerUnderTest server, int i) => i % 2 == 0
        ? GetAsync(server, i % 4 == 0 ? "pcca" : "cbi-unit")
        : server.Routing.SuggestContactsAsync(new SuggestContactsRequest { Query = Questions[i / 2 % Questions.Length] }).ResponseAsync;

    private static Task<Unit> GetAsync(ServerUnderTest server, string id) =>
        server.Directory.GetUnitAsync(new GetUnitRequest { Id = id }).ResponseAsync;

    private static string Ms(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
