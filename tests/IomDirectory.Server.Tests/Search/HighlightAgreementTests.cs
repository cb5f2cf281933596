using IomDirectory.Server.Tests.Support;
using IomDirectory.Server.Search;
using IomDirectory.Server.Snapshots;
using IomDirectory.Server.Web;

namespace IomDirectory.Server.Tests.Search;

/// <summary>
/// What a page highlights is what the search matched: the highlighter reads each displayed word with the search's
/// analysis and rule, so over the seed directory a unit is found by a query exactly when a word of its texts is
/// marked for that query's terms (checked on the names, in the three languages), whatever the query's case,
/// accents, plural or length (prefixes from four letters, shorter words only as themselves).
/// </summary>
[TestFixture]
public sealed class HighlightAgreementTests
{
    private DirectoryView _view = null!;
    private SearchIndex _index = null!;

    [OneTimeSetUp]
    public void Build()
    {
        _view = new DirectorySnapshot(SeedContent.Content).At(DateTime.UtcNow);
        _index = new SearchIndex(_view, new UnitWords(_view));
    }

    private static IEnumerable<string> Queries(IEnumerable<string> names)
    {
        var random = new Random(5);
        var words = names.SelectMany(n => n.Split([' ', '(', ')', ',', '-', '’', '\''], StringSplitOptions.RemoveEmptyEntries))
            .Where(w => w.Length >= 2).Distinct().OrderBy(w => w, StringComparer.Ordinal).OrderBy(_ => random.Next()).Take(60).ToList();
        foreach (var word in words)
        {
            yield return word;
            yield return word.ToUpperInvariant();
            yield return word + "s";
            if (word.Length > 4) yield return word[..4];
            if (word.Length > 3) yield return word[..3].ToLowerInvariant();
        }
        yield return "developpement";
        yield return "offices";
        yield return "off";
    }

    [Test]
    public void AUnitIsFound_ExactlyWhenAWordOfItsNameIsMarked()
    {
        var units = _view.Units.Values.ToList();
        var checkedQueries = 0;
        foreach (var query in Queries(units.SelectMany(u => u.Name.All())))
        {
            var terms = SearchIndex.QueryTerms(query);
            var total = _index.Find(query, new HashSet<string> { "unit" }, 0).Total;
            var found = _index.Find(query, new HashSet<string> { "unit" }, total).Best
                .ToDictionary(h => ((Domain.UnitRecord)h.Document.Record).Id, h => h.MatchedFields);
            foreach (var unit in units)
            {
                var marked = unit.Name.All().Any(name => Highlighter.Runs(name, terms).Any(r => r.Match));
                if (marked)
                    Assert.That(found, Contains.Key(unit.Id), $"\"{query}\" marks a word of {unit.Id}'s name, which the search did not find");
                if (found.TryGetValue(unit.Id, out var fields) && fields.Contains("name"))
                    Assert.That(marked, Is.True, $"\"{query}\" found {unit.Id} by its name, and nothing of the name is marked");
            }
            checkedQueries++;
        }
        Assert.That(checkedQueries, Is.GreaterThan(200));
    }

    [TestCase("Développement", "developpement", true)]
    [TestCase("Offices", "office", true)]
    [TestCase("Office", "offices", true)]
    [TestCase("Office", "off", false)]
    [TestCase("Office", "offi", true)]
    public void AWord_IsMarked_AsTheSearchReadsIt(string displayed, string query, bool marked)
    {
        Assert.That(Highlighter.Runs(displayed, SearchIndex.QueryTerms(query)).Any(r => r.Match), Is.EqualTo(marked));
    }
}
