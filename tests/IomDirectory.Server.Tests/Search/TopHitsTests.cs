using IomDirectory.Server.Text;
using IomDirectory.Server.Search.Internal;
namespace IomDirectory.Server.Tests.Search;

/// <summary>
/// The search's ranking stops reading a query's light postings once they cannot change the page. Whatever it skips,
/// its page must be the start of the full ranking (every match scored, which is what asking for all of them does).
/// </summary>
[TestFixture]
public sealed class TopHitsTests
{
    private static readonly double[] Weights = [3, 5, 1.5, 1, 2.5, 1.5, 4];
    private const int Documents = 20_000;   // several windows of the ranking
    private const int Terms = 120;
    private TopHits _ranking = null!;
    private Postings _postings = null!;
    private byte[] _kinds = null!;

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
        _kinds = Enumerable.Range(0, Documents).Select(d => (byte)(d % 7 == 0 ? 0 : d % 3 + 1)).ToArray();
        _ranking = new TopHits(_postings, _kinds, Weights);
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
            var all = EveryMatchScored(lists, words, kinds);
            var (deepest, everyMatch) = Rank(lists, words, kinds, int.MaxValue);
            Assert.That(total, Is.EqualTo(everyMatch).And.EqualTo(all.Count), $"query {query}: the count of matches");
            Assert.That(deepest, Is.EqualTo(all), $"query {query}: every match, ranked");
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

    /// <summary>
    /// The reference: every posting of every list summed per document, as the ranking defines a score (the field's
    /// weight × IDF × the list's factor, in fixed point, times coverage), sorted by score then document number.
    /// </summary>
    private List<TopHits.Hit> EveryMatchScored(List<TopHits.QueryList> lists, int words, uint kinds)
    {
        const double scale = 4294967296.0;
        var sums = new Dictionary<int, (long Score, int Matched, ushort Fields)>();
        foreach (var (term, factor) in lists)
        {
            var idf = Math.Log(1 + (double)Documents / _postings.CountOf(term));
            foreach (var posting in _postings.Of(term))
            {
                var document = Postings.Document(posting);
                if (kinds != TopHits.AllKinds && (kinds & 1u << _kinds[document]) == 0) continue;
                var code = Postings.Code(posting);
                var (score, matched, fields) = sums.GetValueOrDefault(document);
                sums[document] = (score + (long)Math.Round(Weights[code] * idf * factor * scale), matched + 1, (ushort)(fields | 1 << code));
            }
        }
        return sums
            .Select(s => new TopHits.Hit(s.Key, s.Value.Score * ((Math.Min(1.0, (double)s.Value.Matched / words) + 0.5) / scale), s.Value.Fields))
            .OrderByDescending(h => h.Score).ThenBy(h => h.Document).ToList();
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
