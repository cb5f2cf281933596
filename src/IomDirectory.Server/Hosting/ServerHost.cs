using IomDirectory.Grpc;
using IomDirectory.Server.Application;
using IomDirectory.Server.Features.Routing;
using IomDirectory.Server.Infrastructure;
using IomDirectory.Server.ReadModel;
using IomDirectory.Server.Routing;
using IomDirectory.Server.Rpc;
using IomDirectory.Server.Security;
using IomDirectory.Server.Seeding;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace IomDirectory.Server.Hosting;

/// <summary>
/// Start-up: open the database (migrate, and seed from data/ when empty), load the directory into memory, then
/// serve gRPC over HTTP/2 on Kestrel.
/// </summary>
public static class ServerHost
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static async Task<int> RunAsync(string[] args)
    {
        var app = await BuildAsync(args);
        if (app is null) return 1;
        await app.RunAsync();
        return 0;
    }

    /// <summary>Builds the server, or returns null (after saying why on stderr) when data/ cannot be loaded.</summary>
    public static async Task<WebApplication?> BuildAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        var settings = ServerSettings.From(builder.Configuration);

        // Start-up logs before the host exists (seeding, the first snapshot); the factory lives as long as the process.
        var startupLogs = LoggerFactory.Create(l => l.AddSimpleConsole(o => o.SingleLine = true).AddConfiguration(builder.Configuration.GetSection("Logging")));
        var startupLogger = startupLogs.CreateLogger("IomDirectory.Startup");
        DatabaseInitializer.Outcome database;
        try
        {
            // Seeding commits in the background while the snapshot and indexes are built from the validated records.
            database = await new DatabaseInitializer(settings.DatabasePath, settings.DataDirectory, startupLogger).StartAsync();
        }
        catch (DataLoadException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return null;
        }

        // The directory is loaded before the host is built: the routing lexicon is checked against it, and a bad
        // lexicon stops start-up like bad seed data. Each new snapshot warms today's routing index before it is served.
        var snapshots = new DirectorySnapshotProvider(() => DirectoryDbContextFactory.Create(settings.DatabasePath),
            startupLogs.CreateLogger<DirectorySnapshotProvider>());
        await (database.Data is { } seeded ? snapshots.LoadSeededAsync(seeded) : snapshots.ReloadAsync());
        RoutingIndexCache routing;
        try
        {
            routing = new RoutingIndexCache(LexiconLoader.Load(settings.DataDirectory, snapshots.Current));
        }
        catch (DataLoadException ex)
        {
            await database.Persisted;
            await Console.Error.WriteLineAsync(ex.Message);
            return null;
        }
        var warming = System.Diagnostics.Stopwatch.GetTimestamp();
        routing.Warm(snapshots.Current);
        startupLogger.LogInformation("Routing and search indexes for today built in {Elapsed:0} ms", System.Diagnostics.Stopwatch.GetElapsedTime(warming).TotalMilliseconds);
        snapshots.Loading += routing.Warm;

        // Cleartext gRPC needs an HTTP/2-only endpoint (h2c with prior knowledge). A TLS endpoint configured under
        // Kestrel:Endpoints may set Http1AndHttp2; HTTP/1.1 clients then get 426 from the gRPC layer.
        builder.WebHost.ConfigureKestrel(k => k.ConfigureEndpointDefaults(l => l.Protocols = HttpProtocols.Http2));
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && !builder.Configuration.GetSection("Kestrel:Endpoints").Exists())
            builder.WebHost.UseUrls(DefaultUrl);

        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(snapshots);
        builder.Services.AddSingleton(routing);
        builder.Services.AddSingleton(new RoutingAnswerCache(builder.Configuration.GetValue("Routing:AnswerCacheSize", RoutingAnswerCache.DefaultCapacity)));
        builder.Services.AddSingleton<SuggestionMessages>();
        builder.Services.AddSingleton(new UnitMessageCache(builder.Configuration.GetValue("Rpc:UnitMessageCacheSize", UnitMessageCache.DefaultCapacity)));
        builder.Services.AddApplication();
        builder.Services.AddDirectorySecurity(builder.Configuration, settings);
        builder.Services.AddSingleton<IGrpcExceptionMapper, DirectoryExceptionMapper>();
        builder.Services.AddGrpcServer(o => builder.Configuration.GetSection("Grpc").Bind(o))
            .AddDirectoryService()
            .AddRoutingService()
            .AddAdminService()
            .AddHealthChecks()
            .AddReflection();

        var app = builder.Build();
        app.Lifetime.ApplicationStopped.Register(startupLogs.Dispose);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            StartUpLog.Serving(startupLogger);
            snapshots.ReleaseGarbageSoon();
        });
        app.UseGrpcServer();
        await database.Persisted;   // the host is built meanwhile, but nothing is served before the database holds it
        return app;
    }
}
