using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using IomDirectory.Contracts.V1;
using Grpc.Core;
using IomDirectory.Contracts.Transport;

namespace IomDirectory.Server.Tests.Support;

/// <summary>
/// The server as a separate OS process (the built IomDirectory.Server.dll), for what an in-process host cannot
/// show: being killed with SIGKILL, stopped with SIGTERM, restarted on the same database file.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly System.Text.StringBuilder _output = new();

    private ServerProcess(Process process, Uri address, Uri? webAddress = null)
    {
        WebAddress = webAddress;
        _process = process;
        Address = address;
        Channel = Channels.For(address);
        Client = Channel.CreateCallInvoker();
        process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    /// <summary>The HTTP/1.1 endpoint, for a server started with <see cref="StartWithWebAsync"/>.</summary>
    public Uri? WebAddress { get; }
    public Grpc.Net.Client.GrpcChannel Channel { get; }
    public CallInvoker Client { get; }

    // The generated clients, so that every call's method, request and response types are checked by the compiler.
    public IomDirectory.Contracts.V1.DirectoryService.DirectoryServiceClient Directory => new(Client);
    public IomDirectory.Contracts.V1.RoutingService.RoutingServiceClient Routing => new(Client);
    public IomDirectory.Contracts.V1.AdminService.AdminServiceClient Admin => new(Client);
    public global::Grpc.Health.V1.Health.HealthClient Health => new(Client);
    public int Id => _process.Id;
    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public static Task<ServerProcess> StartAsync(string databasePath, params string[] extraArgs) => StartAsync(databasePath, web: false, extraArgs);

    /// <summary>With an HTTP/1.1 endpoint too (pages, JSON routes, gRPC-Web), on a free port.</summary>
    public static Task<ServerProcess> StartWithWebAsync(string databasePath, params string[] extraArgs) => StartAsync(databasePath, web: true, extraArgs);

    private static async Task<ServerProcess> StartAsync(string databasePath, bool web, string[] extraArgs)
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var webAddress = web ? new Uri($"http://127.0.0.1:{FreePort()}") : null;
        var server = new ServerProcess(Process.Start(StartInfo(databasePath, address, webAddress, extraArgs))!, address, webAddress);
        await server.WaitUntilServingAsync(TimeSpan.FromSeconds(60));
        return server;
    }

    /// <summary>Runs a server that is expected not to start: its exit code and everything it wrote, once it has exited.</summary>
    public static async Task<(int ExitCode, string Output)> RunUntilExitAsync(string databasePath, TimeSpan within, params string[] extraArgs)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        await using var server = new ServerProcess(Process.Start(StartInfo(databasePath, address, null, extraArgs))!, address);
        try
        {
            await server.WaitForExitAsync(within);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"The server was still running after {within}:\n{server.Output}");
        }
        await server._process.WaitForExitAsync();   // and its output read to the end
        return (server.ExitCode, server.Output);
    }

    private static ProcessStartInfo StartInfo(string databasePath, Uri address, Uri? webAddress, string[] extraArgs)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])[ServerAssembly(), "--db", databasePath, "--data", RepositoryPaths.Data, "--urls", address.ToString(), "--web-urls", webAddress?.ToString() ?? "none", .. extraArgs])
            info.ArgumentList.Add(arg);
        return info;
    }

    public void Kill() => _process.Kill(entireProcessTree: true);

    /// <summary>SIGTERM: what a service manager sends to stop the server gracefully.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public Task WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        return _process.WaitForExitAsync(cts.Token);
    }

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

    private async Task WaitUntilServingAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The server exited with {_process.ExitCode}:\n{Output}");
            try
            {
                var reply = await Health.CheckAsync(new global::Grpc.Health.V1.HealthCheckRequest(), new CallOptions(deadline: DateTime.UtcNow.AddSeconds(2)));
                if (reply.Status == global::Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving) return;
            }
            catch (RpcException)
            {
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The server did not start serving within {timeout}:\n{Output}");
    }

    internal static string ServerAssembly()
    {
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var path = Path.Combine(RepositoryPaths.Root, "src", "IomDirectory.Server", "bin", configuration, "net10.0", "IomDirectory.Server.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the server first", path);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
