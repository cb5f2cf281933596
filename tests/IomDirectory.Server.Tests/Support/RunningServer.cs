using Grpc.Core;
using IomDirectory.Contracts.Transport;
using IomDirectory.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace IomDirectory.Server.Tests.Support;

/// <summary>
/// The real server (same start-up as the executable) on a loopback port chosen by the OS, over a fresh SQLite
/// file seeded from the repository's data/ — or, when the run asks for PostgreSQL (<see cref="TestStores"/>), over a
/// fresh seeded PostgreSQL database. Clients talk to it through real sockets.
/// </summary>
public sealed class RunningServer : IAsyncDisposable
{
    private readonly TempFolder _folder;
    private readonly WebApplication _app;

    private RunningServer(TempFolder folder, WebApplication app, Uri address, Uri? webAddress, string database, string keyFile)
    {
        Database = database;
        KeyFile = keyFile;
        WebAddress = webAddress;
        _folder = folder;
        _app = app;
        Address = address;
        Channel = Channels.For(address);
        Client = Channel.CreateCallInvoker();
    }

    public Uri Address { get; }

    /// <summary>The HTTP/1.1 endpoint (gRPC-Web, HTTP/JSON), unless the test turned it off.</summary>
    public Uri? WebAddress { get; }

    /// <summary>host:port, as grpc clients of other languages want it.</summary>
    public string Target => $"{Address.Host}:{Address.Port}";

    /// <summary>The SQLite file (a server on SQLite only).</summary>
    public string DatabasePath => Store.Target.SqlitePath ?? throw new InvalidOperationException("This server runs on PostgreSQL: use Store.");

    /// <summary>What the server was given as --db (a SQLite path or a PostgreSQL connection string).</summary>
    public string Database { get; }

    /// <summary>The signing key file the server validates tokens with.</summary>
    public string KeyFile { get; }

    public IomDirectory.Server.Infrastructure.DirectoryStore Store => Services.GetRequiredService<IomDirectory.Server.Infrastructure.DirectoryStore>();

    public Grpc.Net.Client.GrpcChannel Channel { get; }
    public CallInvoker Client { get; }

    // The generated clients, so that every call's method, request and response types are checked by the compiler.
    public IomDirectory.Contracts.V1.DirectoryService.DirectoryServiceClient Directory => new(Client);
    public IomDirectory.Contracts.V1.RoutingService.RoutingServiceClient Routing => new(Client);
    public IomDirectory.Contracts.V1.AdminService.AdminServiceClient Admin => new(Client);
    public global::Grpc.Health.V1.Health.HealthClient Health => new(Client);

    public IServiceProvider Services => _app.Services;

    /// <summary>A server on a store of its own: a new SQLite file, or a new seeded PostgreSQL database when the run asks for it.</summary>
    public static async Task<RunningServer> StartAsync(params string[] extraArgs)
    {
        var folder = new TempFolder();
        var database = TestStores.UsePostgres ? await TestStores.SeededPostgresAsync() : folder.File("directory.db");
        return await StartAsync(folder, database, null, extraArgs);
    }

    /// <summary>
    /// A server on <paramref name="database"/> (a SQLite path or a PostgreSQL connection), validating tokens with
    /// <paramref name="keyFile"/> (replicas of one directory share it), else a key file of its own.
    /// </summary>
    public static Task<RunningServer> StartOnAsync(string database, string? keyFile = null, params string[] extraArgs) =>
        StartAsync(new TempFolder(), database, keyFile, extraArgs);

    private static async Task<RunningServer> StartAsync(TempFolder folder, string database, string? keyFile, string[] extraArgs)
    {
        // On SQLite the key file beside the database (what the signing-key tests check); on PostgreSQL one of the test's own.
        if (keyFile is null && IomDirectory.Server.Infrastructure.DatabaseTarget.Resolve(database).SqlitePath is null)
            keyFile = folder.File(IomDirectory.Security.LocalDefaults.KeyFileName);
        string[] keyArgs = keyFile is null ? [] : ["--Jwt:SigningKeyFile", keyFile];
        string[] args = ["--db", database, .. keyArgs, "--data", RepositoryPaths.Data, "--urls", "http://127.0.0.1:0",
            "--web-urls", "http://127.0.0.1:0",
            "--Logging:LogLevel:Default=Warning", .. extraArgs];
        var app = await ServerHost.BuildAsync(args) ?? throw new InvalidOperationException("The server did not start.");
        await app.StartAsync();
        // The gRPC endpoint is bound first, the HTTP/1.1 (gRPC-Web, JSON) one second.
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.ToList();
        var usedKey = app.Services.GetRequiredService<IomDirectory.Server.Security.JwtSettings>()
            .KeyFile(app.Services.GetRequiredService<ServerSettings>().Database.LocalFolder);
        return new RunningServer(folder, app, new Uri(addresses[0]), addresses.Count > 1 ? new Uri(addresses[1]) : null, database, usedKey);
    }

    /// <summary>A token signed with the server's key (as <c>iomdir token</c> mints them).</summary>
    public string Token(string name, string role, TimeSpan? lifetime = null, string audience = IomDirectory.Security.LocalDefaults.Audience, DateTime? issuedAt = null) =>
        IomDirectory.Security.LocalTokenIssuer.Mint(IomDirectory.Security.SigningKey.Read(KeyFile), name, role,
            lifetime ?? TimeSpan.FromMinutes(10), audience: audience, now: issuedAt);

    public static CallOptions Bearer(string token) => new(headers: new Metadata { { "authorization", "Bearer " + token } });

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _folder.Dispose();
    }
}
