using IomDirectory.Server.Tests.Support;
using System.Runtime.CompilerServices;
using IomDirectory.Server.Domain;
using IomDirectory.Server.Snapshots;
using IomDirectory.Server.Search;

namespace IomDirectory.Server.Tests.Search;

/// <summary>
/// An index given a change (<see cref="SearchIndex.Next"/>: a base and a delta tier) must answer exactly as an
/// index built from scratch for the same view: the same hits in the same order, bitwise the same scores, the same
/// matched fields and count, whatever the query, kinds and page.
/// </summary>
[TestFixture]
public sealed class SearchDeltaTests
{
    private static readonly string[] Invented = ["zorblat", "quintessa", "Zorblats", "Développement", "DEVELOPPEMENTS", "migración", "bureaux", "oficinas", "résilience", "coordinación"];
    private static readonly IReadOnlySet<string>?[] KindFilters = [null, new HashSet<string> { "unit" }, new HashSet<string> { "office", "focal_point" }, new HashSet<string> { "mailbox", "committee" }];
    private DirectoryContent _seed = null!;

    [OneTimeSetUp]
    public void Read() => _seed = SeedContent.Content;

    [Test]
    public void ChainedChanges_AnswerAsAFullBuild([Values(3, 41)] int seed)
    {
        var random = new Random(seed);
        var changes = new OrgChanges(_seed, random, Invented);
        var view = changes.View();
        var incremental = new SearchIndex(view, new UnitWords(view));
        var kindsOfChange = new HashSet<string>();
        for (var step = 0; step < 60; step++)
        {
            var applied = Enumerable.Range(0, random.Next(1, 4)).Select(_ => changes.ApplyOne()).ToList();
            kindsOfChange.UnionWith(applied.Select(a => a.Kind));
            var ids = applied.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
            view = changes.View();
            incremental = random.Next(15) == 0 ? new SearchIndex(view, new UnitWords(view)) : incremental.Next(view, ids);   // now and then a merge
            var full = new SearchIndex(view, new UnitWords(view));
            var context = $"step {step}: {string.Join("; ", applied.Select(a => $"{a.Kind} {a.Id}"))}";
            foreach (var query in Queries(applied.SelectMany(a => a.Texts), random))
            {
                foreach (var take in (ReadOnlySpan<int>)[1, 5, 50])
                    AssertSame(full.Find(query, null, take), incremental.Find(query, null, take), $"{context}, '{query}', take {take}");
                var kinds = KindFilters[random.Next(KindFilters.Length)];
                AssertSame(full.Find(query, kinds, 5), incremental.Find(query, kinds, 5), $"{context}, '{query}', kinds {string.Join(',', kinds ?? new HashSet<string>())}");
            }
        }
        Assert.That(kindsOfChange, Is.SupersetOf(OrgChanges.Kinds), "every kind of change was tried");
    }

    [Test]
    public void AWordOnlyInARenamedOrRetiredDocument_IsGone_ANewWordIsFoundAtOnce()
    {
        var changes = new OrgChanges(_seed, new Random(5), Invented);
        var view = changes.View();
        var index = new SearchIndex(view, new UnitWords(view));
        var (unit, word) = view.Units.Values.SelectMany(u => SearchIndex.Terms(u.Name.En).Where(t => t.Length >= 5).Select(t => (u, t)))
            .First(p => index.Find(p.t, null, 5) is { Total: 1 } found && found.Best[0].Document.Record == p.u);

        changes.Replace(unit, u => (u.Name, u.Acronym, u.Description, u.Responsibilities) = (new LocalizedText("Zorblat Quintessa Desk", "", ""), null, LocalizedText.Empty, LocalizedList.Empty));
        view = changes.View();
        index = index.Next(view, new HashSet<string> { unit.Id });
        Assert.That(index.Find(word, null, 5).Total, Is.Zero, $"'{word}' was only in the old texts");
        Assert.That(index.Find("zorblat", null, 5).Best.Select(h => h.Document.Id), Is.EqualTo(new[] { unit.Id }));
        Assert.That(index.Find("quintess", null, 5).Best.Single().Document.Record, Is.SameAs(view.Units[unit.Id]), "a prefix of the new word, the new record");
        Assert.That(view.UseSearch(index), Is.SameAs(index));
        Assert.That(view.Search, Is.SameAs(index), "the view holds the index given to it");

        changes.Retire(view.Units[unit.Id]);
        view = changes.View();
        index = index.Next(view, new HashSet<string> { unit.Id });
        Assert.That(index.Find("zorblat", null, 5).Total, Is.Zero, "retired");
        Assert.That(index.DeltaDocuments, Is.EqualTo(1), "the one unit, masked");
    }

    [Test]
    public void ARecordWhoseTextIsUnchanged_IsStillReplaced_AndAnOfficesCityReachesItsFocalPoints()
    {
        var changes = new OrgChanges(_seed, new Random(9), Invented);
        var view = changes.View();
        var index = new SearchIndex(view, new UnitWords(view));
        var focalPoint = view.FocalPoints.First(f => view.Offices.ContainsKey(f.OfficeId));
        var office = view.Offices[focalPoint.OfficeId];

        changes.Replace(office, o => o.City = new LocalizedText("Zorblatville", "", ""));
        changes.Replace(focalPoint, f => f.Version++);
        view = changes.View();
        index = index.Next(view, new HashSet<string> { office.Id, focalPoint.Id });
        var found = index.Find("zorblatville", null, 10).Best;
        Assert.That(found.Select(h => (h.Document.Kind, h.Document.Id)), Does.Contain(("office", office.Id)).And.Contain(("focal_point", focalPoint.Id)));
        Assert.That(found.Single(h => h.Document.Kind == "focal_point").Document.Record, Is.SameAs(view.Snapshot.FocalPoints.At(focalPoint.Id, view.Instant)));
    }

    /// <summary>The words of the changed texts, their prefixes, plurals and accents, common words, and a few pairs.</summary>
    private static List<string> Queries(IEnumerable<string> texts, Random random)
    {
        var words = texts.SelectMany(t => t.Split([' ', '-', ',', '.', '(', ')', '@', '/'], StringSplitOptions.RemoveEmptyEntries))
            .Where(w => w.Length > 1).Distinct().OrderBy(_ => random.Next()).Take(8).ToList();
        var queries = new List<string>(words);
        queries.AddRange(words.Where(w => w.Length >= 5).Select(w => w[..random.Next(4, w.Length)]));
        queries.AddRange(words.Take(3).Select(w => w + "s"));
        queries.AddRange(["migration", "Migración", "bureaux régionaux", "office", "coordination regional", "de", "zorbl", "quintessas"]);
        for (var i = 0; i + 1 < words.Count; i += 2) queries.Add($"{words[i]} {words[i + 1]}");
        return queries;
    }

    private static void AssertSame(SearchIndex.Found expected, SearchIndex.Found actual, string context)
    {
        Assert.That(Describe(actual), Is.EqualTo(Describe(expected)), context);
        for (var i = 0; i < expected.Best.Count; i++)
            Assert.That(actual.Best[i].Document.Record, Is.SameAs(expected.Best[i].Document.Record), $"{context}: the record of hit {i}");
    }

    private static List<string> Describe(SearchIndex.Found found) =>
    [
        $"total {found.Total}",
        .. found.Best.Select(h => $"{h.Document.Kind} {h.Document.Id} {BitConverter.DoubleToInt64Bits(h.Score):x} ({h.Score:0.####}) "
            + $"[{string.Join(',', h.MatchedFields)}] #{RuntimeHelpers.GetHashCode(h.Document.Record)}"),
    ];
}
