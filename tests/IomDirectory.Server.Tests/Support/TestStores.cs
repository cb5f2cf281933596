using IomDirectory.Server.Infrastructure;
using IomDirectory.Server.Infrastructure.Postgres;
using Microsoft.Extensions.Logging.Abstractions;

namespace IomDirectory.Server.Tests.Support;

/// <summary>
/// Which store the integration tests' servers run on: SQLite files (the default), or — when <c>IOMDIR_TEST_STORE</c>
/// is <c>postgresql</c>, as scripts/test.sh sets it for its second pass — fresh PostgreSQL databases on the shared
/// test server (<see cref="PostgresServer.Shared"/>). Each is a copy of one database seeded from data/ once
/// (CREATE DATABASE … TEMPLATE), so a test's server starts on a seeded database as a replica would.
/// </summary>
public static class TestStores
{
    public const string Variable = "IOMDIR_TEST_STORE";

    /// <summary>Tests that open the server's SQLite file themselves; the PostgreSQL pass leaves them out (PostgresStoreTests cover the same ground).</summary>
    public const string SqliteFileCategory = "SqliteFile";

    private static readonly SemaphoreSlim TemplateGate = new(1, 1);
    private static string? _template;

    public static bool UsePostgres => string.Equals(Environment.GetEnvironmentVariable(Variable), "postgresql", StringComparison.OrdinalIgnoreCase);

    /// <summary>The connection string of a new database holding the seed data.</summary>
    public static async Task<string> SeededPostgresAsync()
    {
        var server = await PostgresServer.Shared;
        var template = await TemplateAsync(server);
        var name = "t_" + Guid.NewGuid().ToString("N")[..16];
        await server.ScalarAsync<object>("postgres", $"CREATE DATABASE {name} TEMPLATE {template}");
        return server.ConnectionString(name);
    }

    private static async Task<string> TemplateAsync(PostgresServer server)
    {
        await TemplateGate.WaitAsync();
        try
        {
            if (_template is not null) return _template;
            var name = await server.CreateDatabaseAsync();
            var store = (PostgresStore)DirectoryStore.For(DatabaseTarget.Resolve(server.ConnectionString(name)));
            await using (store)
                await new DatabaseInitializer(store, RepositoryPaths.Data, NullLogger.Instance).InitializeAsync();
            return _template = name;   // the store's connections are closed: a template must have none
        }
        finally
        {
            TemplateGate.Release();
        }
    }
}
