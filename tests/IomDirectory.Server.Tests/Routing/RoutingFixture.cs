using IomDirectory.Server.Routing;
using IomDirectory.Server.Tests.Support;

namespace IomDirectory.Server.Tests.Routing;

/// <summary>The seeded directory and the repository's lexicon, shared by the routing unit tests of one class.</summary>
public abstract class RoutingFixture
{
    protected SeededDatabase Db { get; private set; } = null!;
    protected RoutingIndexCache Indexes { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task Seed()
    {
        Db = await SeededDatabase.CreateAsync();
        Indexes = new RoutingIndexCache(LexiconLoader.Load(RepositoryPaths.Data, Db.Snapshots.Current));
    }

    [OneTimeTearDown]
    public void Cleanup() => Db.Dispose();

    protected RoutingIndex Now => Indexes.For(Db.Now);

    protected RoutingResult Route(string query, string hint = "", string? askerCountry = null, string? asOf = null)
    {
        var view = asOf is null ? Db.Now : Db.At(asOf);
        Asker? asker = null;
        if (askerCountry is not null)
        {
            var country = view.Snapshot.Countries.Find(askerCountry)!;
            asker = new Asker(country, view.Offices[view.Coverage[country.Code].RegionalOfficeId]);
        }
        return ContactRouter.Route(Indexes.For(view), new RouteRequest(query, hint, asker, 0));
    }
}
