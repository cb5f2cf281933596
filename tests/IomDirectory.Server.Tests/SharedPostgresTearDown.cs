using IomDirectory.Server.Tests.Support;

namespace IomDirectory.Server.Tests;

/// <summary>
/// Stops <see cref="PostgresServer.Shared"/> after all the tests (the root namespace: every test of the assembly is
/// below it), if a test started it; a run whose tests never use it starts nothing.
/// </summary>
[SetUpFixture]
public sealed class SharedPostgresTearDown
{
    [OneTimeTearDown]
    public async Task StopSharedPostgres() => await PostgresServer.DisposeSharedAsync();
}
