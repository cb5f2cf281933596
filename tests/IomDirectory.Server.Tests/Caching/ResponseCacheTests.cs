using IomDirectory.Server.Tests.Support;
using IomDirectory.Server.Features.Common;
using IomDirectory.Server.Snapshots;

namespace IomDirectory.Server.Tests.Caching;

/// <summary>The one cache of what requests computed: kept per view and request, bounded, off at 0.</summary>
[TestFixture]
public sealed class ResponseCacheTests
{
    private DirectorySnapshot _snapshot = null!;

    [OneTimeSetUp]
    public void Read() => _snapshot = new DirectorySnapshot(SeedContent.Content);

    [Test]
    public void AValue_IsKeptPerViewAndRequest()
    {
        var cache = new ResponseCache(8);
        // Two views: today's of this snapshot and today's of the next one (a view of another date would be metered by
        // the process-wide build budget, which another test's server may have set low).
        var (today, next) = (_snapshot.At(DateTime.UtcNow), new DirectorySnapshot(SeedContent.Content).At(DateTime.UtcNow));
        var computed = 0;
        string Compute(string text) { computed++; return text + computed; }
        var first = cache.GetOrAdd(today, new ResponseKey("Unit", "dhrr", "en"), Compute, "a");
        Assert.That(cache.GetOrAdd(today, new ResponseKey("Unit", "dhrr", "en"), Compute, "a"), Is.SameAs(first));
        Assert.That(cache.GetOrAdd(today, new ResponseKey("Unit", "dhrr", "fr"), Compute, "a"), Is.Not.SameAs(first), "another language is another request");
        Assert.That(cache.GetOrAdd(next, new ResponseKey("Unit", "dhrr", "en"), Compute, "a"), Is.Not.SameAs(first), "another view keeps its own");
        Assert.That(computed, Is.EqualTo(3));
    }

    [Test]
    public void AFullViewCache_StartsAgain_AndZeroKeepsNothing()
    {
        var view = _snapshot.At(DateTime.UtcNow);
        var bounded = new ResponseCache(2);
        var computed = 0;
        object Compute(int n) { computed++; return new object(); }
        for (var i = 0; i < 3; i++) bounded.GetOrAdd(view, new ResponseKey("Q", i.ToString()), Compute, i);
        bounded.GetOrAdd(view, new ResponseKey("Q", "0"), Compute, 0);
        Assert.That(computed, Is.EqualTo(4), "past its capacity the view's cache started again, so the first request is computed again");

        var off = new ResponseCache(0);
        off.GetOrAdd(view, new ResponseKey("Q", "x"), Compute, 0);
        off.GetOrAdd(view, new ResponseKey("Q", "x"), Compute, 0);
        Assert.That(computed, Is.EqualTo(6));
    }
}
