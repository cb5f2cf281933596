using IomDirectory.Server.Infrastructure;
using IomDirectory.Server.Tests.Support;

namespace IomDirectory.Server.Tests.Admin;

/// <summary>The pass runs its servers on the store it says: scripts/test.sh runs these suites once per provider.</summary>
[TestFixture]
public sealed class StoreUnderTestTests
{
    [Test]
    public async Task Servers_RunOnTheStoreThePassAsksFor()
    {
        await using var server = await RunningServer.StartAsync();
        Assert.That(server.Store.Target.Provider, Is.EqualTo(TestStores.UsePostgres ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite));
    }
}
