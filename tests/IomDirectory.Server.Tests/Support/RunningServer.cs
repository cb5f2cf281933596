using IomDirectory.Grpc;
using IomDirectory.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace IomDirectory.Server.Tests.Support;

/// <summary>
/// The real server (same start-up as the executable) on a loopback port chosen by the OS, over a fresh SQLite
/// file seeded from the repository's data/. Clients talk to it through real sockets.
/// </summary>
public sealed class RunningServer : IAsyncDisposable
{
    private readonly TempFolder _folder;
    private readonly WebApplication _app;

    private RunningServer(TempFolder folder, WebApplication app, Uri address)
    {
        _folder = folder;
        _app = app;
        Address = address;
        Client = new GrpcClient(address);
    }

    public Uri Address { get; }

    /// <summary>host:port, as grpc clients of other languages want it.</summary>
    public string Target => $"{Address.Host}:{Address.Port}";

    public string DatabasePath => _folder.File("directory.db");

    public GrpcClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<RunningServer> StartAsync(params string[] extraArgs)
    {
        var folder = new TempFolder();
        string[] args = ["--db", folder.File("directory.db"), "--data", RepositoryPaths.Data, "--urls", "http://127.0.0.1:0",
            "--Logging:LogLevel:Default=Warning", .. extraArgs];
        var app = await ServerHost.BuildAsync(args) ?? throw new InvalidOperationException("The server did not start.");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningServer(folder, app, new Uri(address));
    }

    /// <summary>A token signed with the server's local key (as <c>iomdir token</c> mints them).</summary>
    public string Token(string name, string role, TimeSpan? lifetime = null, string audience = IomDirectory.Security.LocalDefaults.Audience, DateTime? issuedAt = null) =>
        IomDirectory.Security.LocalTokenIssuer.Mint(IomDirectory.Security.SigningKey.Read(IomDirectory.Security.LocalDefaults.KeyFileBeside(DatabasePath)), name, role,
            lifetime ?? TimeSpan.FromMinutes(10), audience: audience, now: issuedAt);

    public static CallOptions Bearer(string token) => new() { Headers = new Metadata { { "authorization", "Bearer " + token } } };

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _folder.Dispose();
    }
}
