using IomDirectory.Testing;
using System.Diagnostics;
using IomDirectory.Bench.Support;
using IomDirectory.Server.Domain;
using IomDirectory.Server.Seeding;
using IomDirectory.Server.Snapshots;
using IomDirectory.Server.Search;

namespace IomDirectory.Bench;

/// <summary>
/// `search-delta --data DIR`: on a data folder (`generate` writes a 100k-unit one), the cost of a write to the search
/// index: a full build of the view against <see cref="SearchIndex.Next"/> for one changed unit and for a delta of
/// about the merge threshold (medians over the runs); then Find's latency (p50/p99, in-process, one call at a time)
/// on the base alone and with each delta, and whether the incremental index answers as a full build of its view.
/// </summary>
public static class SearchDeltaBenchmark
{
    public static int Run(IReadOnlyList<string> args)
    {
        if (CommandLine.Value(args, "--data") is not { } folder)
        {
            Console.Error.WriteLine("search-delta: --data DIR is required");
            return 2;
        }
        var runs = CommandLine.Int(args, "--runs", 20);
        var calls = CommandLine.Int(args, "--calls", 4000);
        var content = DirectoryContent.From(DataSetReader.Read(Path.GetFullPath(folder)), 1);
        var view = new DirectorySnapshot(content).At(DateTime.UtcNow);
        Console.WriteLine($"{view.Units.Count} units, {view.Mailboxes.Count} mailboxes, {view.Offices.Count} offices");

        var full = Median(runs, () => new SearchIndex(view, new UnitWords(view)), out var index);
        var random = new Random(27);
        var units = view.Units.Values.OrderBy(_ => random.Next()).ToList();
        var (oneView, oneIds) = Renamed(content, units.Take(1), "Zorblat");
        var one = Median(runs, () => index.Next(oneView, oneIds), out var withOne);
        var many = index.MergeThreshold - 1;
        var (manyView, manyIds) = Renamed(content, units.Take(many), "Quintessa");
        var chained = Median(runs, () => withOne.Next(manyView, manyIds), out var withMany);
        Console.WriteLine($"full build {full:0.0} ms; Next, one unit changed {one:0.00} ms ({withOne.DeltaDocuments} delta documents); "
            + $"Next, {withMany.DeltaDocuments} delta documents (threshold {index.MergeThreshold}) {chained:0.0} ms");

        var queries = Queries(view, random);
        // The indexes take turns, round by round: a shared machine's drift falls on each alike.
        var measured = new[] { ("base only", index), ("base + 1", withOne), ($"base + {withMany.DeltaDocuments}", withMany) };
        var latencies = measured.Select(_ => new List<double>()).ToList();
        for (var round = 0; round < 3; round++)
            for (var i = 0; i < measured.Length; i++)
                latencies[i].AddRange(Latencies(measured[i].Item2, queries, calls));
        for (var i = 0; i < measured.Length; i++)
            Console.WriteLine($"Find, {measured[i].Item1}: p50 {Stats.Percentile(latencies[i], 50) * 1000:0} µs, p99 {Stats.Percentile(latencies[i], 99) * 1000:0} µs");
        var fresh = new SearchIndex(manyView, new UnitWords(manyView));
        var differ = queries.Count(q => !Same(fresh.Find(q, null, 10), withMany.Find(q, null, 10)));
        Console.WriteLine($"base + {withMany.DeltaDocuments} against a full build of its view: {differ} of {queries.Count} queries differ");
        return differ == 0 ? 0 : 1;
    }

    /// <summary>A new view with the units renamed (a new version each, as a write makes), and their ids.</summary>
    private static (DirectoryView View, IReadOnlySet<string> Ids) Renamed(DirectoryContent content, IEnumerable<UnitRecord> units, string word)
    {
        var renamed = units.ToDictionary(u => u, u =>
        {
            var copy = (UnitRecord)u.CloneVersion();
            copy.Name = copy.Name with { En = $"{word} {copy.Name.En}" };
            return copy;
        });
        var changed = content with { Units = [.. content.Units.Select(u => renamed.GetValueOrDefault(u) ?? u)] };
        return (new DirectorySnapshot(changed).At(DateTime.UtcNow), renamed.Keys.Select(u => u.Id).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>One or two words of the units' responsibilities, as `scale` searches, and a prefix and a new word.</summary>
    private static List<string> Queries(DirectoryView view, Random random)
    {
        var phrases = view.Units.Values.SelectMany(u => u.Responsibilities.En.Concat(u.Responsibilities.Fr)).Distinct().OrderBy(_ => random.Next()).Take(200);
        var queries = phrases.Select(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 3).Take(1 + random.Next(2)))
            .Where(w => w.Any()).Select(w => string.Join(' ', w)).ToList();
        queries.AddRange(["migration", "coordin", "zorblat", "quintessa migration", "regional office"]);
        return queries;
    }

    private static List<double> Latencies(SearchIndex index, List<string> queries, int calls)
    {
        for (var i = 0; i < calls / 4; i++) index.Find(queries[i % queries.Count], null, 10);
        var latencies = new List<double>(calls);
        for (var i = 0; i < calls; i++)
        {
            var started = Stopwatch.GetTimestamp();
            index.Find(queries[i % queries.Count], null, 10);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        return latencies;
    }

    private static bool Same(SearchIndex.Found a, SearchIndex.Found b) =>
        a.Total == b.Total && a.Best.Count == b.Best.Count && a.Best.Zip(b.Best).All(p => ReferenceEquals(p.First.Document.Record, p.Second.Document.Record)
            && BitConverter.DoubleToInt64Bits(p.First.Score) == BitConverter.DoubleToInt64Bits(p.Second.Score) && p.First.MatchedFields.SequenceEqual(p.Second.MatchedFields));

    /// <summary>The median time of the runs, in ms, and the last result.</summary>
    private static double Median<T>(int runs, Func<T> run, out T result)
    {
        var times = new List<double>(runs);
        result = run();   // warm-up
        for (var i = 0; i < runs; i++)
        {
            var started = Stopwatch.GetTimestamp();
            result = run();
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        return Stats.Median(times);
    }
}
