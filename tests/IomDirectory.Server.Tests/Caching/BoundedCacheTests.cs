using IomDirectory.Server.Features.Common;

namespace IomDirectory.Server.Tests.Caching;

/// <summary>The memo behind the GetUnit message cache and the routing answer cache.</summary>
[TestFixture]
public sealed class BoundedCacheTests
{
    [Test]
    public void SecondAsk_IsAnsweredFromTheCache()
    {
        var cache = new BoundedCache<string, object>(10);
        var made = 0;
        object Make(int _)
        {
            made++;
            return new object();
        }
        var first = cache.GetOrAdd("k", Make, 0);
        var second = cache.GetOrAdd("k", Make, 0);
        Assert.That(second, Is.SameAs(first));
        Assert.That(made, Is.EqualTo(1));
    }

    [Test]
    public void CapacityZero_CachesNothing()
    {
        var cache = new BoundedCache<string, object>(0);
        Assert.That(cache.GetOrAdd("k", _ => new object(), 0), Is.Not.SameAs(cache.GetOrAdd("k", _ => new object(), 0)));
    }

    [Test]
    public void WhenFull_ItStartsAgainAndKeepsAtMostItsCapacity()
    {
        var cache = new BoundedCache<int, object>(3);
        var first = cache.GetOrAdd(1, _ => new object(), 0);
        for (var key = 2; key <= 4; key++)
            cache.GetOrAdd(key, _ => new object(), 0);
        Assert.That(cache.GetOrAdd(1, _ => new object(), 0), Is.Not.SameAs(first), "the fourth entry emptied the full cache");
        var kept = cache.GetOrAdd(4, _ => new object(), 0);
        Assert.That(cache.GetOrAdd(4, _ => new object(), 0), Is.SameAs(kept));
    }

    [Test]
    public void NegativeCapacity_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new BoundedCache<int, int>(-1));
}
