using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.Versioning;
using Npgsql;

namespace IomDirectory.Testing;

/// <summary>
/// A real PostgreSQL server for the tests: Debian's <c>postgresql</c> binaries (the newest
/// <c>/usr/lib/postgresql/*/bin</c>), a cluster made by <c>initdb</c> in a fresh temporary folder and started by
/// <c>pg_ctl</c> on a free 127.0.0.1 port, with its unix socket inside that folder, trust authentication for the
/// superuser <c>postgres</c> and fsync off. PostgreSQL refuses to run as root, so a root test process runs
/// initdb and pg_ctl as the <c>postgres</c> system user (runuser, else setpriv) and hands it the folder.
/// <see cref="DisposeAsync"/> stops the server and deletes the folder; a run that was killed before that leaves
/// its folder and server behind, and the next <see cref="StartAsync"/> of the same user stops and removes them.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string SystemUser = "postgres";
    private const string OwnerFile = "owner.pid";
    private static readonly TimeSpan InitdbTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan PgCtlTimeout = TimeSpan.FromSeconds(90);
    private const int PgCtlWaitSeconds = 60;
    private const int PortAttempts = 3;

    private static readonly Lazy<Task<PostgresServer>> s_shared = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _bin;
    private readonly ConcurrentDictionary<string, byte> _connectionStrings = new();
    private bool _running;
    private bool _disposed;

    private PostgresServer(string bin, string folder, int port)
    {
        _bin = bin;
        Folder = folder;
        Port = port;
    }

    /// <summary>
    /// One server for the whole test run, started by the first test that awaits it (never by a run that does not)
    /// and stopped by the tests' SharedPostgresTearDown. Tests share it by each
    /// using their own <see cref="CreateDatabaseAsync"/>; a test that stops or restarts a server starts its own.
    /// </summary>
    public static Task<PostgresServer> Shared => s_shared.Value;

    public int Port { get; }

    /// <summary>The temporary folder: <c>data/</c> (the cluster), <c>socket/</c>, <c>server.log</c>.</summary>
    public string Folder { get; }

    public string DataDirectory => Path.Combine(Folder, "data");

    public string LogFile => Path.Combine(Folder, "server.log");

    private string SocketDirectory => Path.Combine(Folder, "socket");

    public static async Task<PostgresServer> StartAsync()
    {
        if (OperatingSystem.IsWindows())
            throw new PlatformNotSupportedException("The test PostgreSQL server runs Debian's binaries");
        var bin = FindBinDirectory();
        var root = FoldersRoot();
        await RemoveStaleFoldersAsync(bin, root);
        var folder = CreateFolder(root);
        try
        {
            if (Environment.IsPrivilegedProcess)
                await GiveToSystemUserAsync(folder);
            await RunToolAsync(bin, folder, "initdb",
                ["-D", Path.Combine(folder, "data"), "-U", SystemUser, "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8",
                 "--no-sync", "--no-instructions"],
                InitdbTimeout, logFile: null);
            for (var attempt = 1; ; attempt++)
            {
                // A free port can be taken by someone else between FreePort and the postmaster's bind: try another.
                var server = new PostgresServer(bin, folder, LoopbackPorts.Free());
                try
                {
                    await server.StartAgainAsync();
                    return server;
                }
                catch (InvalidOperationException error) when (attempt < PortAttempts && error.Message.Contains("could not bind", StringComparison.Ordinal))
                {
                }
            }
        }
        catch
        {
            DeleteFolder(folder);
            throw;
        }
    }

    public string ConnectionString(string database)
    {
        var connectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = SystemUser,
            Database = database,
            Timeout = 15,
            CommandTimeout = 60,
            IncludeErrorDetail = true,
        }.ConnectionString;
        _connectionStrings.TryAdd(connectionString, 0);
        return connectionString;
    }

    public string Uri(string database) => $"postgresql://{SystemUser}@127.0.0.1:{Port}/{System.Uri.EscapeDataString(database)}";

    /// <summary>Creates a database (by default with a unique name <c>t_&lt;guid&gt;</c>) and returns its name.</summary>
    public async Task<string> CreateDatabaseAsync(string? name = null)
    {
        name ??= $"t_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
        await command.ExecuteNonQueryAsync();
        return name;
    }

    /// <summary>The first column of the first row (default for none or NULL), converted to <typeparamref name="T"/>.</summary>
    public async Task<T?> ScalarAsync<T>(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value switch
        {
            null or DBNull => default,
            T typed => typed,
            _ => (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), CultureInfo.InvariantCulture),
        };
    }

    /// <summary><c>pg_ctl stop</c>, mode fast (sessions are ended, committed data stays) or immediate (like a crash).</summary>
    public async Task StopAsync(bool immediate = false)
    {
        if (!_running)
            return;
        // Pooled connections to a stopped server are dead: drop them so that the next open after StartAgain works.
        foreach (var connectionString in _connectionStrings.Keys)
        {
            using var connection = new NpgsqlConnection(connectionString);
            NpgsqlConnection.ClearPool(connection);
        }
        var pid = PostmasterPid(Folder);
        await RunToolAsync(_bin, Folder, "pg_ctl",
            ["stop", "-D", DataDirectory, "-m", immediate ? "immediate" : "fast", "-w", "-t", $"{PgCtlWaitSeconds}"],
            PgCtlTimeout, LogFile);
        await WaitForExitAsync(pid);
        _running = false;
    }

    /// <summary>Starts the server (again) on the same data directory and port.</summary>
    public async Task StartAgainAsync()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_running)
            return;
        var options = string.Join(' ',
            $"-p {Port}", $"-k '{SocketDirectory}'", "-c listen_addresses=127.0.0.1",
            "-c fsync=off", "-c full_page_writes=off", "-c shared_buffers=32MB");
        await RunToolAsync(_bin, Folder, "pg_ctl",
            ["start", "-D", DataDirectory, "-l", LogFile, "-w", "-t", $"{PgCtlWaitSeconds}", "-o", options],
            PgCtlTimeout, LogFile);
        _running = true;
    }

    /// <summary>Stops the server (fast, else immediate, else kills the postmaster) and deletes the folder.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
            return;
        _disposed = true;
        await StopQuietlyAsync(_bin, Folder);
        _running = false;
        DeleteFolder(Folder);
    }

    /// <summary>For the tests' SharedPostgresTearDown: disposes the shared server if a test started it.</summary>
    public static async Task DisposeSharedAsync()
    {
        if (!s_shared.IsValueCreated)
            return;
        PostgresServer server;
        try
        {
            server = await s_shared.Value;
        }
        catch (InvalidOperationException)
        {
            return; // it never started; the tests that awaited it have reported why
        }
        await server.DisposeAsync();
    }

    private static string FindBinDirectory()
    {
        const string versions = "/usr/lib/postgresql";
        var bin = (Directory.Exists(versions) ? Directory.GetDirectories(versions) : [])
            .Select(dir => (Dir: dir, Version: int.TryParse(Path.GetFileName(dir), out var v) ? v : -1))
            .Where(x => x.Version >= 0 && File.Exists(Path.Combine(x.Dir, "bin", "initdb")))
            .OrderByDescending(x => x.Version)
            .Select(x => Path.Combine(x.Dir, "bin"))
            .FirstOrDefault();
        return bin ?? throw new InvalidOperationException(
            $"PostgreSQL is not installed: no {versions}/*/bin/initdb. Install Debian's postgresql package (scripts/test.sh does).");
    }

    /// <summary>Per user, so that runs of different users neither share nor clean up each other's folders.</summary>
    [UnsupportedOSPlatform("windows")]
    private static string FoldersRoot()
    {
        var root = Path.Combine(Path.GetTempPath(), $"iomdir-postgres-{Environment.UserName}");
        // Traversable by the postgres user when we are root.
        Directory.CreateDirectory(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        return root;
    }

    [UnsupportedOSPlatform("windows")]
    private static string CreateFolder(string root)
    {
        var folder = Path.Combine(root, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.WriteAllText(Path.Combine(folder, OwnerFile), $"{Environment.ProcessId}");
        Directory.CreateDirectory(Path.Combine(folder, "socket"));
        return folder;
    }

    /// <summary>Folders of test processes that are gone (killed before DisposeAsync): stop their servers, delete them.</summary>
    private static async Task RemoveStaleFoldersAsync(string bin, string root)
    {
        foreach (var folder in Directory.GetDirectories(root))
        {
            try
            {
                var owner = Path.Combine(folder, OwnerFile);
                var stale = File.Exists(owner)
                    ? int.TryParse(File.ReadAllText(owner).Trim(), out var pid) && !IsAlive(pid)
                    : Directory.GetCreationTimeUtc(folder) < DateTime.UtcNow.AddHours(-1); // owner.pid is written at once
                if (!stale)
                    continue;
                await StopQuietlyAsync(bin, folder);
                DeleteFolder(folder);
            }
            catch (IOException)
            {
                // another run of this user is removing it too
            }
        }
    }

    private static async Task StopQuietlyAsync(string bin, string folder)
    {
        if (PostmasterPid(folder) is not { } pid)
            return;
        var data = Path.Combine(folder, "data");
        foreach (var mode in new[] { "fast", "immediate" })
        {
            var outcome = await RunAsync(bin, folder, "pg_ctl", ["stop", "-D", data, "-m", mode, "-w", "-t", $"{PgCtlWaitSeconds}"], PgCtlTimeout);
            if (outcome.Succeeded || PostmasterPid(folder) is null)
            {
                await WaitForExitAsync(pid);
                return;
            }
        }
        // Last resort: kill the postmaster (its backends notice and exit).
        try
        {
            if (IsAlive(pid))
            {
                using var postmaster = Process.GetProcessById(pid);
                postmaster.Kill();
            }
        }
        catch (Exception error) when (error is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
        }
    }

    /// <summary>Whether a process runs (a zombie, exited but not yet reaped by its new parent, does not).</summary>
    public static bool IsAlive(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        if (Directory.Exists("/proc"))
        {
            try
            {
                var text = File.ReadAllText(stat);
                var state = text[(text.LastIndexOf(')') + 1)..].TrimStart();
                return state.Length > 0 && state[0] is not ('Z' or 'X');
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                return false;
            }
        }
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>
    /// pg_ctl stop -w returns once postmaster.pid is gone, a moment before the postmaster has exited: wait for that,
    /// so that a stopped server really is stopped.
    /// </summary>
    private static async Task WaitForExitAsync(int? pid)
    {
        for (var waited = TimeSpan.Zero; pid is { } p && IsAlive(p) && waited < TimeSpan.FromSeconds(PgCtlWaitSeconds); waited += TimeSpan.FromMilliseconds(50))
            await Task.Delay(50);
    }

    private static int? PostmasterPid(string folder)
    {
        try
        {
            return int.TryParse(File.ReadLines(Path.Combine(folder, "data", "postmaster.pid")).FirstOrDefault(), out var pid) ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static void DeleteFolder(string folder)
    {
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>Runs a PostgreSQL program; on failure throws with its output and the tail of the server log.</summary>
    private static async Task RunToolAsync(string bin, string folder, string program, string[] arguments, TimeSpan timeout, string? logFile)
    {
        var outcome = await RunAsync(bin, folder, program, arguments, timeout);
        if (outcome.Succeeded)
            return;
        var log = logFile is not null && File.Exists(logFile)
            ? string.Join('\n', File.ReadLines(logFile).TakeLast(100))
            : "(none)";
        throw new InvalidOperationException(
            $"PostgreSQL {program} failed: {outcome.Describe($"{program} {string.Join(' ', arguments)}")}\n--- server log {logFile} ---\n{log}");
    }

    private static async Task<ProcessOutcome> RunAsync(string bin, string folder, string program, string[] arguments, TimeSpan timeout)
    {
        var path = Path.Combine(bin, program);
        if (!Environment.IsPrivilegedProcess)
            return await ExternalProcess.RunAsync(path, arguments, timeout, workingDirectory: folder);

        var (runner, prefix) = AsSystemUser();
        return await ExternalProcess.RunAsync(runner, [.. prefix, path, .. arguments], timeout, workingDirectory: folder);
    }

    private static async Task GiveToSystemUserAsync(string folder)
    {
        var chown = await ExternalProcess.RunAsync("chown", ["-R", $"{SystemUser}:", folder], TimeSpan.FromSeconds(30));
        if (!chown.Succeeded)
            throw new InvalidOperationException($"Could not give {folder} to the {SystemUser} user: {chown.Describe("chown")}");
    }

    /// <summary>How root runs a program as the postgres user: runuser (util-linux), else setpriv.</summary>
    private static (string Program, string[] Prefix) AsSystemUser()
    {
        if (FindProgram("runuser") is { } runuser)
            return (runuser, ["-u", SystemUser, "--"]);
        if (FindProgram("setpriv") is { } setpriv)
            return (setpriv, [$"--reuid={SystemUser}", $"--regid={SystemUser}", "--init-groups", "--"]);
        throw new InvalidOperationException("Running as root, but neither runuser nor setpriv is there to run PostgreSQL as the postgres user");
    }

    private static string? FindProgram(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/sbin", "/sbin", "/usr/bin", "/bin"])
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
