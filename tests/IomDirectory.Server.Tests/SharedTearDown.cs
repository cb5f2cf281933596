using IomDirectory.Server.Tests.Web;

namespace IomDirectory.Server.Tests;

/// <summary>
/// Stops what tests share after all of them (the root namespace: every test of the assembly is below it):
/// <see cref="PostgresServer.Shared"/> and the <see cref="SharedBrowser"/>, each only if a test started it; a run
/// whose tests never use them starts nothing.
/// </summary>
[SetUpFixture]
public sealed class SharedTearDown
{
    [OneTimeTearDown]
    public async Task StopShared()
    {
        await SharedBrowser.DisposeAsync();
        await PostgresServer.DisposeSharedAsync();
    }
}
