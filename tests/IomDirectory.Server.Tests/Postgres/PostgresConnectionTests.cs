using IomDirectory.Server.Tests.Support;

namespace IomDirectory.Server.Tests.Postgres;

/// <summary>
/// Connecting to PostgreSQL the way a deployment does, with password authentication: a wrong password is a start-up
/// error of one line naming the server, and the process exits with 1 (no unhandled exception, no abort). On the shared
/// test server, whose pg_hba.conf trusts everyone but this fixture's role, which must give its password.
/// </summary>
[TestFixture]
public sealed class PostgresConnectionTests
{
    private const string Role = "iomdir_password_user";

    private PostgresServer _postgres = null!;

    [OneTimeSetUp]
    public async Task CreateRoleWithPassword()
    {
        _postgres = await PostgresServer.Shared;
        await _postgres.ScalarAsync<object>("postgres",
            $"DO $$ BEGIN CREATE ROLE {Role} LOGIN PASSWORD 'the-right-one'; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
        var hba = Path.Combine(_postgres.DataDirectory, "pg_hba.conf");
        var line = $"host all {Role} 127.0.0.1/32 scram-sha-256";
        var lines = await File.ReadAllLinesAsync(hba);
        if (!lines.Contains(line))
            await File.WriteAllLinesAsync(hba, [line, .. lines]);   // first: the first matching line decides
        await _postgres.ScalarAsync<object>("postgres", "SELECT pg_reload_conf()");
    }

    [Test]
    public async Task WrongPassword_IsAOneLineStartUpErrorNamingTheServer_ExitCode1()
    {
        var database = await _postgres.CreateDatabaseAsync();
        var uri = $"postgresql://{Role}:not-the-password@127.0.0.1:{_postgres.Port}/{database}";

        var (exitCode, output) = await ServerProcess.RunUntilExitAsync(uri, TimeSpan.FromSeconds(60), "--Logging:LogLevel:Default=Warning");

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(1), output);
            Assert.That(lines, Has.Length.EqualTo(1), output);
            Assert.That(output, Does.Contain($"postgresql://{Role}@127.0.0.1:{_postgres.Port}/{database}"));
            Assert.That(output, Does.Contain("password authentication failed"));
            Assert.That(output, Does.Not.Contain("not-the-password"));
        });
    }
}
