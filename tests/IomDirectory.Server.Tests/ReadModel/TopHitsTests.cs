using IomDirectory.Server.ReadModel;

namespace IomDirectory.Server.Tests.ReadModel;

/// <summary>
/// The search's ranking stops reading a query's light postings once they cannot change the page. Whatever it skips,
/// its page must be the start of the full ranking (every match scored, which is what asking for all of them does).
/// </summary>
[TestFixture]
public sealed class TopHitsTests
{
    private static readonly double[] Weights = [3, 5, 1.5, 1, 2.5, 1.5, 4];
    private const int Documents = 4000;
    private const int Terms = 120;
    private TopHits _ranking = null!;
    private Postings _postings = null!;

    [OneTimeSetUp]
    public void Build()
    {
        // Skewed like a real directory: a few terms in most documents, mostly in light fields; many rare ones.
        var random = new Random(11);
        var occurrences = new List<(int Document, int Term, int Code)>();
        for (var document = 0; document < Documents; document++)
            for (var term = 0; term < Terms; term++)
                if (random.NextDouble() < 0.9 / (1 + term * 0.5))
                    for (var times = random.Next(1, 3); times > 0; times--)
                        occurrences.Add((document, term, random.NextDouble() < 0.1 ? random.Next(Weights.Length) : 2 + random.Next(2)));
        var builder = new PostingsBuilder(code => Weights[code]);
        for (var pass = 0; pass < 2; pass++)
        {
            if (pass == 1) builder.StartFilling();
            foreach (var (document, term, code) in occurrences) builder.Add(document, builder.Id($"t{term}"), code);
        }
        _postings = builder.Build();
        var kinds = Enumerable.Range(0, Documents).Select(d => (byte)(d % 7 == 0 ? 0 : d % 3 + 1)).ToArray();
        // Ids repeat (as an office and its unit can share one), so some ties go to the document number.
        var idRanks = Enumerable.Range(0, Documents).Select(d => (d * 7919 % Documents) / 2).ToArray();
        _ranking = new TopHits(_postings, kinds, Weights, idRanks);
    }

    [Test]
    public void APage_IsTheStartOfTheFullRanking([Values(1, 3, 10, 40)] int take)
    {
        var random = new Random(take);
        for (var query = 0; query < 300; query++)
        {
            var lists = Enumerable.Range(0, random.Next(1, query % 10 == 0 ? 90 : 6))
                .Select(_ => new TopHits.QueryList(_postings.Terms.Count > 0 ? random.Next(random.Next(2) == 0 ? 4 : _postings.Terms.Count) : 0, random.Next(3) == 0 ? 0.6 : 1.0))
                .ToList();
            var words = random.Next(1, 4);
            var kinds = random.Next(4) == 0 ? 1u << random.Next(4) | 1u : TopHits.AllKinds;
            var (page, total) = Rank(lists, words, kinds, take);
            var (all, everyMatch) = Rank(lists, words, kinds, int.MaxValue);
            Assert.That(total, Is.EqualTo(everyMatch).And.EqualTo(all.Count), $"query {query}: the count of matches");
            Assert.That(page, Is.EqualTo(all.Take(take)), $"query {query}: lists {string.Join(' ', lists)}, {words} words, kinds {kinds:x}");
        }
    }

    [Test]
    public void TheCount_HonoursTheKinds_AndNothingIsRankedForAnEmptyPage()
    {
        var lists = new List<TopHits.QueryList> { new(0, 1.0) };
        var (_, all) = Rank(lists, 1, TopHits.AllKinds, 0);
        var (none, ofKind0) = Rank(lists, 1, 1u, 0);
        var (page, ofKinds123) = Rank(lists, 1, 0b1110u, 5);
        Assert.That(none, Is.Empty);
        Assert.That(ofKind0 + ofKinds123, Is.EqualTo(all));
        Assert.That(page.Select(h => h.Document % 7), Has.None.EqualTo(0), "kind 0 was filtered out");
        Assert.That(page, Has.Count.EqualTo(5));
    }

    private (List<TopHits.Hit> Hits, int Total) Rank(List<TopHits.QueryList> lists, int words, uint kinds, int take)
    {
        var scratch = new SearchScratch(Documents);
        scratch.Lists.AddRange(lists);
        var hits = new List<TopHits.Hit>();
        var total = _ranking.Rank(scratch, words, kinds, take, hits);
        return (hits, total);
    }
}
