using IomDirectory.Server.Search.Internal;
using IomDirectory.Server.Text;
namespace IomDirectory.Server.Tests.Search;

/// <summary>The pieces the search and routing indexes are built and ranked with.</summary>
[TestFixture]
public sealed class IndexBuildingTests
{
    private readonly record struct Item(double Score, int Id) : IRanked<Item>
    {
        public int CompareTo(Item other) => other.Score.CompareTo(Score) is var byScore and not 0 ? byScore : Id.CompareTo(other.Id);
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(10)]
    [TestCase(500)]
    public void TopSelection_KeepsWhatAFullSortPutsFirst(int k)
    {
        var random = new Random(7);
        var items = Enumerable.Range(0, 400).Select(i => new Item(random.Next(20), i)).ToList();
        var selection = new TopSelection<Item>(k);
        foreach (var item in items)
            if (selection.Admits(item.Score)) selection.Offer(item);
        Assert.That(selection.Best(), Is.EqualTo(items.Order().Take(k)));
    }

    [Test]
    public void PostingsBuilder_KeepsEachDocumentsHeaviestField_FirstOnATie_HeaviestFieldFirst()
    {
        double[] weights = [1, 3, 3];
        var builder = new PostingsBuilder(code => weights[code]);
        for (var pass = 0; pass < 2; pass++)
        {
            if (pass == 1) builder.StartFilling();
            builder.Add(0, builder.Id("cash"), 0);
            builder.Add(0, builder.Id("cash"), 2);
            builder.Add(0, builder.Id("cash"), 1);
            builder.Add(3, builder.Id("voucher"), 1);
            builder.Add(5, builder.Id("cash"), 0);
            builder.Add(6, builder.Id("cash"), 1);
            builder.Add(7, builder.Id("cash"), 0);
            builder.Add(8, builder.Id("cash"), 2);
        }
        var postings = builder.Build();
        var cash = postings.Of(builder.Ids["cash"]).ToArray().Select(p => (Postings.Document(p), Postings.Code(p)));
        // Impact order: weight 3 (code 1 before code 2 on the tie), then weight 1; document order within each.
        Assert.That(cash, Is.EqualTo(new[] { (6, 1), (0, 2), (8, 2), (5, 0), (7, 0) }));
        var cashTerm = builder.Ids["cash"];
        Assert.That(new[] { postings.SegmentEnd(cashTerm, 0), postings.SegmentEnd(cashTerm, 1), postings.SegmentEnd(cashTerm, 3) }, Is.EqualTo(new[] { 1, 3, 5 }));
        Assert.That(postings.SegmentHas(cashTerm, 1, 3, 8) && !postings.SegmentHas(cashTerm, 1, 3, 6), Is.True);
        Assert.That(postings.CountOf(builder.Ids["voucher"]), Is.EqualTo(1));
    }

    [TestCase("Développement durable — l’œuvre de l'OIM (2024)")]
    [TestCase("Cash-based interventions: CBI/MPCA, e\u0301tape 2")]
    [TestCase("  ¿Quién?  Straße, Łódź; \u0301x  ")]
    public void TermMemo_FoldingWordByWord_GivesTheTokensOfTheWholeText(string text)
    {
        var memo = new TermMemo<string>(TextNormalizer.Tokens);
        var terms = new List<string>();
        memo.AddTerms(text, terms);
        memo.AddTerms(text, terms);
        Assert.That(terms, Is.EqualTo(TextNormalizer.Tokens(text).Concat(TextNormalizer.Tokens(text))));
    }
}
