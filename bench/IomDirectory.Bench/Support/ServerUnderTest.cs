using IomDirectory.Testing;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using Grpc.Core;
using IomDirectory.Contracts.Transport;
using Grpc.Health.V1;

namespace IomDirectory.Bench.Support;

/// <summary>
/// The published server (<see cref="ServerAssembly"/>) as an OS process on a free loopback port,
/// timed from process start to its first SERVING health check, with its resident memory read from /proc.
/// </summary>
public sealed class ServerUnderTest : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServerUnderTest(Process process, Uri address)
    {
        _process = process;
        Address = address;
        Channel = Channels.For(address);
        Client = Channel.CreateCallInvoker();
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>
    /// Server settings that turn off the answer caches (GetUnit messages, SuggestContacts answers), so a benchmark
    /// measures the work of answering rather than a lookup of an answer already given.
    /// </summary>
    public static readonly string[] CachesOff = ["--ReadModel:ResponseCacheSize=0"];

    public Uri Address { get; }
    public Grpc.Net.Client.GrpcChannel Channel { get; }
    public CallInvoker Client { get; }

    // The generated clients, so that every call's method, request and response types are checked by the compiler.
    public IomDirectory.Contracts.V1.DirectoryService.DirectoryServiceClient Directory => new(Client);
    public IomDirectory.Contracts.V1.RoutingService.RoutingServiceClient Routing => new(Client);
    public IomDirectory.Contracts.V1.AdminService.AdminServiceClient Admin => new(Client);
    public Health.HealthClient Health => new(Client);
    public int Id => _process.Id;
    public bool HasExited => _process.HasExited;

    /// <summary>From process start to the first SERVING answer of grpc.health.v1.Health/Check.</summary>
    public TimeSpan StartUpTime { get; private set; }

    /// <summary>The server's own start-up timings (seeding, snapshot phases, routing and search indexes), from its log.</summary>
    public IReadOnlyList<string> StartUpProfile =>
        Output.Split('\n').Where(l => l.Contains("Seeded ", StringComparison.Ordinal) || l.Contains("already seeded", StringComparison.Ordinal)
                                       || l.Contains(" ready in ", StringComparison.Ordinal) || l.Contains("indexes for today", StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf(']') + 1)..].Trim()).ToList();

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>Starts the server on <paramref name="dataDirectory"/> with a fresh database in <paramref name="databasePath"/>.</summary>
    public static Task<ServerUnderTest> StartAsync(string databasePath, string dataDirectory, params string[] extraArgs) =>
        StartBuildAsync(ServerAssembly, databasePath, dataDirectory, extraArgs);

    /// <summary>Starts another build of the server (<paramref name="serverAssembly"/>, an IomDirectory.Server.dll).</summary>
    public static async Task<ServerUnderTest> StartBuildAsync(string serverAssembly, string databasePath, string dataDirectory, params string[] extraArgs)
    {
        var address = new Uri($"http://127.0.0.1:{LoopbackPorts.Free()}");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (string[])[serverAssembly, "--db", databasePath, "--data", dataDirectory, "--urls", address.ToString(), "--web-urls", "none",
                     "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:IomDirectory=Information", .. extraArgs])
            info.ArgumentList.Add(arg);
        var clock = Stopwatch.StartNew();
        var server = new ServerUnderTest(Process.Start(info)!, address);
        await server.WaitUntilServingAsync(TimeSpan.FromMinutes(5));
        server.StartUpTime = clock.Elapsed;
        return server;
    }

    /// <summary>
    /// The server as it is deployed: <c>dotnet publish</c> in Release, ReadyToRun-compiled for this machine's runtime
    /// (framework-dependent), made once per benchmark run. Start-up of a JIT-only build (<c>dotnet run</c>) spends about
    /// a fifth of its CPU compiling; a deployment compiles ahead of time.
    /// </summary>
    public static string ServerAssembly => Published.Value;

    private static readonly Lazy<string> Published = new(Publish);

    private static string Publish() =>
        Publish(BenchPaths.Root, Path.Combine(BenchPaths.Root, "src", "IomDirectory.Server", "bin", "Release", "published-r2r"));

    /// <summary>Publishes the server of the checkout at <paramref name="root"/> into <paramref name="output"/>, as deployed.</summary>
    public static string Publish(string root, string output)
    {
        var project = Path.Combine(root, "src", "IomDirectory.Server", "IomDirectory.Server.csproj");
        var runtime = RuntimeInformation.OSArchitecture switch
        {
            Architecture.Arm64 => "linux-arm64",
            _ => "linux-x64",
        };
        Console.WriteLine($"Publishing the server (Release, ReadyToRun, {runtime}) to {output}");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (string[])["publish", project, "-c", "Release", "-r", runtime, "--self-contained", "false",
                     "-p:PublishReadyToRun=true", "-o", output, "-nologo"])
            info.ArgumentList.Add(arg);
        using var publish = Process.Start(info)!;
        var stdout = publish.StandardOutput.ReadToEndAsync();
        var stderr = publish.StandardError.ReadToEndAsync();
        publish.WaitForExit();
        var assembly = Path.Combine(output, "IomDirectory.Server.dll");
        if (publish.ExitCode != 0 || !File.Exists(assembly))
            throw new InvalidOperationException($"dotnet publish of the server failed ({publish.ExitCode}):\n{stdout.Result}\n{stderr.Result}");
        return assembly;
    }

    /// <summary>
    /// Waits until the server has returned the memory of its start-up load to the OS: it runs one compacting
    /// collection once loading has settled for a moment, and logs it. Until then resident memory still holds the
    /// load's garbage, and that collection's pause could fall among measured calls.
    /// </summary>
    public async Task WaitUntilSettledAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Output.Contains("Memory of the last load released", StringComparison.Ordinal))
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
                throw new TimeoutException($"The server did not report releasing its start-up memory within {timeout}:\n{Output}");
            await Task.Delay(20);
        }
    }

    /// <summary>Resident set size (VmRSS of /proc/PID/status), in bytes.</summary>
    public long ResidentBytes() => ResidentMemory.Of(_process.Id);

    /// <summary>The most resident memory the server has had since it started (start-up's peak, until calls exceed it).</summary>
    public long PeakResidentBytes() => ResidentMemory.PeakOf(_process.Id);

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    private async Task WaitUntilServingAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The server exited with {_process.ExitCode}:\n{Output}");
            try
            {
                var reply = await Health.CheckAsync(new HealthCheckRequest(),
                    new CallOptions(deadline: DateTime.UtcNow.AddSeconds(2)));
                if (reply.Status == HealthCheckResponse.Types.ServingStatus.Serving) return;
            }
            catch (RpcException)
            {
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(20);
        }
        throw new TimeoutException($"The server did not start serving within {timeout}:\n{Output}");
    }

}
