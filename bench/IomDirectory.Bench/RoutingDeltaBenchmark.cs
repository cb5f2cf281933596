using IomDirectory.Testing;
using IomDirectory.Testing.Reliability;
using System.Diagnostics;
using System.Globalization;
using IomDirectory.Bench.Scale;
using IomDirectory.Bench.Support;
using IomDirectory.Server.Domain;
using IomDirectory.Server.Routing;
using IomDirectory.Server.Seeding;
using IomDirectory.Server.Snapshots;

namespace IomDirectory.Bench;

/// <summary>
/// What a write costs the routing index (issue #27), in-process on a data folder (a generated org:
/// <c>generate --out DIR --size 100000</c>): medians of a fresh build (unit words and index) against
/// <see cref="RoutingIndex.Next"/> for one changed unit, one new mailbox and one moved unit; then routing latency
/// (ContactRouter.Route, as SuggestContacts runs it minus the handler) on the fresh index and on indexes with a
/// delta of one and of a thousand changed units. Views are built outside the timed part, as a snapshot does.
/// </summary>
internal static class RoutingDeltaBenchmark
{
    private static readonly string[] Countries = ["SN", "CO", "Colombie", "PH", "Kenya", "UA", "México", "BD", "TR", ""];
    private static List<UnitRecord> _leaves = [];

    public static int Run(IReadOnlyList<string> args)
    {
        var folder = CommandLine.Value(args, "--data") ?? BenchPaths.Data;
        var runs = CommandLine.Int(args, "--runs", 20);
        var calls = CommandLine.Int(args, "--calls", 20_000);
        var content = DirectoryContent.From(DataSetReader.Read(folder), 1);
        var view = new DirectorySnapshot(content).At(DateTime.UtcNow);
        var lexicon = LexiconLoader.Load(folder, view.Snapshot);
        var terms = new LexiconTerms(lexicon);
        FuzzyVocabulary? vocabulary = null;
        RoutingIndex Fresh(DirectoryView v) => new(v, terms, new UnitWords(v), w => vocabulary ??= new FuzzyVocabulary(w));
        var fresh = Fresh(view);
        Console.WriteLine($"routing-delta: {view.Units.Count} units, {view.Mailboxes.Count} mailboxes ({folder})");

        var random = new Random(27);
        var freshMs = Median(runs, () => Fresh(view));
        var units = view.Units.Values.ToList();
        _leaves = [.. units.Where(u => view.ChildrenOf(u.Id).Count == 0)];
        var textMs = Median(runs, () => Change(content, fresh, random, units, ChangeTexts));
        var mailboxMs = Median(runs, () => Change(content, fresh, random, units, AddMailbox));
        var moveMs = Median(runs, () => Change(content, fresh, random, units, Move));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"build, median of {runs}: fresh {freshMs:0.0} ms; Next for one unit's texts {textMs:0.00} ms, one new mailbox {mailboxMs:0.00} ms, one moved unit {moveMs:0.00} ms"));

        var one = Prepare(content, fresh, random, units, 1);
        var thousand = Prepare(content, fresh, random, units, 1000);
        Console.WriteLine($"deltas: {one.DeltaUnits} and {thousand.DeltaUnits} units");
        var pools = WordPools.Read(folder);
        var indexes = new[] { ("base only", fresh), ("base + 1-unit delta", one), ("base + 1000-unit delta", thousand) };
        foreach (var (name, latency) in indexes.Zip(Latency([.. indexes.Select(i => i.Item2)], pools, calls), (i, l) => (i.Item1, l)))
            Console.WriteLine($"route {name}: {latency}");
        if (File.Exists("/proc/loadavg"))
            Console.WriteLine($"machine: {Environment.ProcessorCount} CPUs, load average {File.ReadAllText("/proc/loadavg").Trim()}");
        return 0;
    }

    /// <summary>The median time of <paramref name="work"/> in ms; work returns the ms it measured itself, or is timed whole.</summary>
    private static double Median(int runs, Func<object> work)
    {
        var times = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            Settle();
            var start = Stopwatch.GetTimestamp();
            var result = work();
            times[i] = result is double measured ? measured : Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(times);
        return times[runs / 2];
    }

    /// <summary>One change to the content, its view built untimed, then <see cref="RoutingIndex.Next"/> timed.</summary>
    private static object Change(DirectoryContent content, RoutingIndex fresh, Random random, List<UnitRecord> units,
        Func<Random, List<UnitRecord>, List<UnitRecord>, List<MailboxRecord>, string> change)
    {
        var unitList = content.Units.ToList();
        var mailboxes = content.Mailboxes.ToList();
        var id = change(random, units, unitList, mailboxes);
        var view = new DirectorySnapshot(content with { Units = unitList, Mailboxes = mailboxes, Generation = 2 }).At(DateTime.UtcNow);
        Settle();
        var start = Stopwatch.GetTimestamp();
        var next = fresh.Next(view, new HashSet<string>(StringComparer.Ordinal) { id });
        var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {id}: {ms:0.00} ms, {next.DeltaUnits} units in the delta"));
        return ms;
    }

    /// <summary>The garbage of building views collected before a timed part, so that it pays only for its own.</summary>
    private static void Settle()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
    }

    private static RoutingIndex Prepare(DirectoryContent content, RoutingIndex fresh, Random random, List<UnitRecord> units, int count)
    {
        var unitList = content.Units.ToList();
        var changed = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
            changed.Add(i % 2 == 0 ? ChangeTexts(random, units, unitList, []) : Move(random, units, unitList, []));
        var view = new DirectorySnapshot(content with { Units = unitList, Generation = 2 }).At(DateTime.UtcNow);
        return fresh.Next(view, changed);
    }

    private static string ChangeTexts(Random random, List<UnitRecord> units, List<UnitRecord> content, List<MailboxRecord> mailboxes)
    {
        var (unit, copy) = Copy(random, units, content);
        var other = units[random.Next(units.Count)];
        copy.Responsibilities = other.Responsibilities;
        copy.Description = other.Description;
        return unit.Id;
    }

    private static string Move(Random random, List<UnitRecord> units, List<UnitRecord> content, List<MailboxRecord> mailboxes)
    {
        // Under a unit that had no children: never under its own subtree (the unit itself: then it becomes a root).
        var (unit, copy) = Copy(random, units, content);
        var parent = _leaves[random.Next(_leaves.Count)];
        copy.ParentId = parent.Id == unit.Id ? null : parent.Id;
        return unit.Id;
    }

    private static string AddMailbox(Random random, List<UnitRecord> units, List<UnitRecord> content, List<MailboxRecord> mailboxes)
    {
        var owner = units[random.Next(units.Count)];
        var mailbox = new MailboxRecord { Id = $"bench-mailbox-{random.Next()}", Address = $"bench{random.Next()}@iom.int", OwnerId = owner.Id, Source = owner.Source };
        mailboxes.Add(mailbox);
        return mailbox.Id;
    }

    /// <summary>A unit not copied yet, copied in the content to be changed.</summary>
    private static (UnitRecord Unit, UnitRecord Copy) Copy(Random random, List<UnitRecord> units, List<UnitRecord> content)
    {
        while (true)
        {
            var unit = units[random.Next(units.Count)];
            if (content.IndexOf(unit) is not (var at and >= 0)) continue;
            var copy = (UnitRecord)unit.CloneVersion();
            content[at] = copy;
            return (unit, copy);
        }
    }

    /// <summary>
    /// Route latency on each index, the same questions interleaved (each call goes to the indexes in turn, starting with
    /// another each time), so that the machine's other load falls alike on all.
    /// </summary>
    private static string[] Latency(RoutingIndex[] indexes, WordPools pools, int calls)
    {
        string Question(int i)
        {
            var language = WordPools.Languages[i % 3];
            var pool = pools.Phrases(language);
            var phrase = pool[(int)((uint)(i * 2654435761L) % (uint)pool.Count)];
            return language switch { "en" => $"Who do I contact about {phrase}?", "fr" => $"Qui contacter pour {phrase} ?", _ => $"¿A quién contacto sobre {phrase}?" };
        }
        RouteRequest Request(RoutingIndex index, int i)
        {
            var country = index.View.Snapshot.Countries.Find(Countries[i % Countries.Length]);
            var asker = country is not null && index.View.Coverage.GetValueOrDefault(country.Code) is { } c && index.View.Offices.GetValueOrDefault(c.RegionalOfficeId) is { } ro
                ? new Asker(country, ro) : null;
            return new RouteRequest(Question(i), "", asker, 0);
        }
        foreach (var index in indexes)
            for (var i = 0; i < 2000; i++) ContactRouter.Route(index, Request(index, calls + i));
        var ticks = indexes.Select(_ => new long[calls]).ToArray();
        for (var i = 0; i < calls; i++)
        for (var k = 0; k < indexes.Length; k++)
        {
            var which = (i + k) % indexes.Length;
            var request = Request(indexes[which], i);
            var start = Stopwatch.GetTimestamp();
            ContactRouter.Route(indexes[which], request);
            ticks[which][i] = Stopwatch.GetTimestamp() - start;
        }
        return [.. ticks.Select(t =>
        {
            Array.Sort(t);
            double Ms(double q) => t[Math.Min(calls - 1, (int)Math.Ceiling(q * calls) - 1)] * 1000.0 / Stopwatch.Frequency;
            return string.Create(CultureInfo.InvariantCulture, $"p50 {Ms(0.5):0.000} ms  p99 {Ms(0.99):0.000} ms  max {Ms(1):0.000} ms ({calls} calls)");
        })];
    }
}
