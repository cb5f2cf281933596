using IomDirectory.Server.Features.Common;
using System.Diagnostics;
using System.Globalization;
using IomDirectory.Server.Features.Routing;
using IomDirectory.Server.Infrastructure;
using IomDirectory.Server.Routing;
using Microsoft.Extensions.Logging.Abstractions;
using IomDirectory.Server.Snapshots;

namespace IomDirectory.Bench;

/// <summary>
/// SuggestContacts in-process (the handler, as the RPC runs it, minus the socket): warm-up, then many calls over
/// varied questions (the dev set, every lexicon term on its own, terms in pairs, with and without an asker country),
/// timed one by one with Stopwatch; prints p50 / p90 / p99 / max.
/// </summary>
internal static class RoutingSpeed
{
    public static async Task<int> RunAsync(string[] args)
    {
        var calls = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
        var database = BenchPaths.TempDatabase();
        await new DatabaseInitializer(database, BenchPaths.Data, NullLogger.Instance).InitializeAsync();
        var snapshots = new DirectorySnapshotProvider(DirectoryStore.For(DatabaseTarget.Sqlite(database)));
        await snapshots.ReloadAsync();
        var indexes = new RoutingIndexCache(LexiconLoader.Load(BenchPaths.Data, snapshots.Current));
        indexes.Warm(snapshots.Current);
        var handler = new SuggestContactsHandler(snapshots, indexes, new ResponseCache(0), new IomDirectory.Server.Features.Admin.Gaps.FirstSuggestionCounter(TimeProvider.System));   // routing itself, not remembered answers
        var queries = Queries(indexes.Lexicon);
        ReportGazetteerCost(indexes.Lexicon, snapshots.Current);
        string[] countries = ["", "", "KE", "CO", "SY", "Mali", "", "Japon"];

        SuggestContactsQuery Query(int i) => new(queries[i % queries.Count], countries[i % countries.Length], 0, ReadContext.Now(""));
        for (var i = 0; i < 3_000; i++) await handler.Handle(Query(i), CancellationToken.None);

        var ticks = new long[calls];
        for (var i = 0; i < calls; i++)
        {
            var query = Query(i * 7);
            var start = Stopwatch.GetTimestamp();
            await handler.Handle(query, CancellationToken.None);
            ticks[i] = Stopwatch.GetTimestamp() - start;
        }
        Array.Sort(ticks);
        double Ms(double quantile) => ticks[Math.Min(calls - 1, (int)Math.Ceiling(quantile * calls) - 1)] * 1000.0 / Stopwatch.Frequency;
        Console.WriteLine($"routing-speed: {calls} SuggestContacts calls in-process over {queries.Count} distinct questions (after 3000 warm-up calls)");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"p50 {Ms(0.50):0.000} ms  p90 {Ms(0.90):0.000} ms  p99 {Ms(0.99):0.000} ms  max {Ms(1.0):0.000} ms"));
        // Percentiles of wall-clock time include any time the OS gives the CPU to other processes: say how busy it was.
        if (File.Exists("/proc/loadavg"))
            Console.WriteLine($"machine: {Environment.ProcessorCount} CPUs, load average {File.ReadAllText("/proc/loadavg").Trim()}");
        return 0;
    }

    /// <summary>
    /// What the gazetteer costs: a second copy is loaded while the first is in use, and the resident memory of the
    /// process and the managed heap (after a full collection) are printed before and after, with the time to load it.
    /// </summary>
    private static void ReportGazetteerCost(Lexicon lexicon, DirectorySnapshot snapshot)
    {
        static (double Resident, double Managed) Memory()
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            using var process = Process.GetCurrentProcess();
            return (process.WorkingSet64 / 1048576.0, GC.GetTotalMemory(true) / 1048576.0);
        }
        var before = Memory();
        var watch = Stopwatch.StartNew();
        var gazetteer = LexiconLoader.LoadGazetteer(BenchPaths.Data, lexicon, snapshot);
        var loadMs = watch.Elapsed.TotalMilliseconds;
        var after = Memory();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"gazetteer: {gazetteer.Count} names loaded in {loadMs:0} ms; resident {before.Resident:0.0} -> {after.Resident:0.0} MB (+{after.Resident - before.Resident:0.0}), managed heap {before.Managed:0.0} -> {after.Managed:0.0} MB (+{after.Managed - before.Managed:0.0})"));
        GC.KeepAlive(gazetteer);
    }

    private static List<string> Queries(Lexicon lexicon)
    {
        var queries = new List<string>();
        foreach (var devSet in new[] { BenchPaths.DevSet, BenchPaths.DevSet2, BenchPaths.DevSet3 }.Where(File.Exists))
            queries.AddRange(File.ReadLines(devSet).Skip(1).Select(l => l.Split('\t')).Where(f => f.Length > 3).Select(f => f[3]));
        var terms = lexicon.Concepts.SelectMany(c => c.Terms.Values.SelectMany(t => t)).ToList();
        queries.AddRange(terms);
        for (var i = 0; i + 7 < terms.Count; i += 5)
            queries.Add($"Who can help our office with {terms[i]} and {terms[i + 7]} for displaced families?");
        queries.Add("Quelle est la météo demain à Genève ?");
        queries.Add(string.Join(' ', Enumerable.Repeat("Necesitamos orientación sobre vivienda y agua potable en la emergencia.", 25)));
        return queries;
    }
}
