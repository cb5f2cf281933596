using Npgsql;

namespace IomDirectory.Server.Tests.Support;

/// <summary>The test PostgreSQL server itself: databases, queries, stop and start again, clean-up.</summary>
public sealed class PostgresServerTests
{
    [Test]
    public async Task Creates_two_databases_that_keep_their_own_tables()
    {
        await using var server = await PostgresServer.StartAsync();
        var first = await server.CreateDatabaseAsync();
        var second = await server.CreateDatabaseAsync("second db");

        await server.ScalarAsync<int>(first, "CREATE TABLE place (name text); INSERT INTO place VALUES ('Douglas'), ('Ramsey')");
        await server.ScalarAsync<int>(second, "CREATE TABLE place (name text); INSERT INTO place VALUES ('Peel')");

        Assert.Multiple(async () =>
        {
            Assert.That(first, Does.Match("^t_[0-9a-f]{32}$"));
            Assert.That(await server.ScalarAsync<int>(first, "SELECT count(*) FROM place"), Is.EqualTo(2));
            Assert.That(await server.ScalarAsync<string>(second, "SELECT string_agg(name, ',') FROM place"), Is.EqualTo("Peel"));
            Assert.That(await server.ScalarAsync<string>(second, "SELECT current_database()"), Is.EqualTo("second db"));
            Assert.That(await server.ScalarAsync<string>(first, "SHOW server_encoding"), Is.EqualTo("UTF8"));
            Assert.That(await server.ScalarAsync<string>(first, "SELECT upper('ñ')"), Is.EqualTo("Ñ"));
            Assert.That(await server.ScalarAsync<string?>(first, "SELECT NULL::text"), Is.Null);
        });
    }

    [Test]
    public async Task Connection_string_and_uri_name_the_loopback_port_and_database()
    {
        var server = await PostgresServer.Shared;
        var database = await server.CreateDatabaseAsync();

        var uri = new Uri(server.Uri(database));
        var builder = new NpgsqlConnectionStringBuilder(server.ConnectionString(database));
        await using var connection = new NpgsqlConnection(server.ConnectionString(database));
        await connection.OpenAsync();

        Assert.Multiple(() =>
        {
            Assert.That(uri.Scheme, Is.EqualTo("postgresql"));
            Assert.That(uri.UserInfo, Is.EqualTo("postgres"));
            Assert.That(uri.Host, Is.EqualTo("127.0.0.1"));
            Assert.That(uri.Port, Is.EqualTo(server.Port));
            Assert.That(uri.AbsolutePath, Is.EqualTo("/" + database));
            Assert.That((builder.Host, builder.Port, builder.Username, builder.Database), Is.EqualTo(("127.0.0.1", server.Port, "postgres", database)));
            Assert.That(connection.Database, Is.EqualTo(database));
        });
    }

    [Test]
    public async Task Shared_is_one_server_for_the_run()
    {
        var first = PostgresServer.Shared;
        var second = PostgresServer.Shared;

        Assert.That(await first, Is.SameAs(await second));
        Assert.That(await (await first).ScalarAsync<int>("postgres", "SELECT 1"), Is.EqualTo(1));
    }

    [Test]
    public async Task Stop_and_start_again_keeps_the_data_and_the_port()
    {
        await using var server = await PostgresServer.StartAsync();
        var database = await server.CreateDatabaseAsync();
        await server.ScalarAsync<int>(database, "CREATE TABLE place (name text); INSERT INTO place VALUES ('Castletown')");
        var port = server.Port;

        await server.StopAsync();
        Assert.That(async () => await server.ScalarAsync<int>(database, "SELECT 1"), Throws.InstanceOf<NpgsqlException>());
        await server.StartAgainAsync();
        Assert.That(await server.ScalarAsync<string>(database, "SELECT name FROM place"), Is.EqualTo("Castletown"));

        await server.ScalarAsync<int>(database, "INSERT INTO place VALUES ('Laxey')");
        await server.StopAsync(immediate: true); // like a crash: the restart recovers from the WAL
        await server.StartAgainAsync();

        Assert.Multiple(async () =>
        {
            Assert.That(server.Port, Is.EqualTo(port));
            Assert.That(await server.ScalarAsync<long>(database, "SELECT count(*) FROM place"), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task A_failed_start_reports_the_output_of_pg_ctl_and_the_server_log()
    {
        await using var server = await PostgresServer.StartAsync();
        await server.StopAsync();
        await File.AppendAllTextAsync(Path.Combine(server.DataDirectory, "postgresql.conf"), "\nno_such_setting = 1\n");

        var error = Assert.ThrowsAsync<InvalidOperationException>(server.StartAgainAsync);

        Assert.That(error?.Message, Does.Contain("pg_ctl start").And.Contain("could not start server")
            .And.Contain("server log").And.Contain("no_such_setting"));
    }

    [Test]
    public async Task Dispose_stops_the_server_and_removes_its_folder()
    {
        var server = await PostgresServer.StartAsync();
        var database = await server.CreateDatabaseAsync();
        var postmasterPid = int.Parse(File.ReadLines(Path.Combine(server.DataDirectory, "postmaster.pid")).First());
        var connectionString = server.ConnectionString(database);

        await server.DisposeAsync();
        await server.DisposeAsync(); // twice is harmless

        Assert.Multiple(async () =>
        {
            Assert.That(Directory.Exists(server.Folder), Is.False, server.Folder);
            Assert.That(PostgresServer.IsAlive(postmasterPid), Is.False, "postmaster still running");
            await using var connection = new NpgsqlConnection(connectionString);
            Assert.That(async () => await connection.OpenAsync(), Throws.InstanceOf<NpgsqlException>());
            Assert.That(async () => await server.StartAgainAsync(), Throws.InstanceOf<ObjectDisposedException>());
        });
    }

    [Test]
    public async Task Start_stops_and_removes_what_a_killed_run_left_behind()
    {
        var orphan = await PostgresServer.StartAsync(); // never disposed: its "test process" is declared dead below
        var orphanPid = int.Parse(File.ReadLines(Path.Combine(orphan.DataDirectory, "postmaster.pid")).First());
        await File.WriteAllTextAsync(Path.Combine(orphan.Folder, "owner.pid"), $"{await DeadPidAsync()}");

        await using var next = await PostgresServer.StartAsync();

        Assert.Multiple(() =>
        {
            Assert.That(Directory.Exists(orphan.Folder), Is.False, orphan.Folder);
            Assert.That(PostgresServer.IsAlive(orphanPid), Is.False, "the orphan's postmaster still runs");
        });
    }

    private static async Task<int> DeadPidAsync()
    {
        using var process = System.Diagnostics.Process.Start("true");
        await process.WaitForExitAsync();
        return process.Id;
    }
}
