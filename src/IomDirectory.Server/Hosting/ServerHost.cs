using IomDirectory.Server.Application;
using IomDirectory.Server.Features.Feedback;
using IomDirectory.Server.Features.Routing;
using IomDirectory.Server.Infrastructure;
using IomDirectory.Server.Integrations;
using IomDirectory.Server.Routing;
using IomDirectory.Server.Security;
using IomDirectory.Server.Seeding;
using IomDirectory.Server.Web;
using IomDirectory.Server.Webhooks;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using IomDirectory.Server.Snapshots;
using IomDirectory.Server.Rpc.Internal;

namespace IomDirectory.Server.Hosting;

/// <summary>
/// Start-up: open the database (migrate, and seed from data/ when empty), load the directory into memory, then
/// serve gRPC (grpc-dotnet) over HTTP/2 on Kestrel, and gRPC-Web and HTTP/JSON over HTTP/1.1.
/// </summary>
public static class ServerHost
{
    private static string OneLine(string message) => message.ReplaceLineEndings(" ");

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
        ServerSettings settings;
        try
        {
            settings = ServerSettings.From(builder.Configuration);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);   // starts with the setting at fault
            return null;
        }
        var store = DirectoryStore.For(settings.Database, settings.Store);
        WebApplication? app = null;
        try
        {
            return app = await BuildOnAsync(builder, settings, store);
        }
        finally
        {
            if (app is null && store is IAsyncDisposable owned) await owned.DisposeAsync();   // else the host disposes it
        }
    }

    private static async Task<WebApplication?> BuildOnAsync(WebApplicationBuilder builder, ServerSettings settings, DirectoryStore store)
    {
        Snapshots.ViewLimits.Configure(builder.Configuration);

        // Start-up logs before the host exists (seeding, the first snapshot); the factory lives as long as the process.
        var startupLogs = LoggerFactory.Create(l => l.AddSimpleConsole(o => o.SingleLine = true).AddConfiguration(builder.Configuration.GetSection("Logging")));
        var startupLogger = startupLogs.CreateLogger("IomDirectory.Startup");
        var phases = new StartUpLog.Phases();
        DatabaseInitializer.Outcome database;
        try
        {
            // Seeding commits in the background while the snapshot and indexes are built from the validated records.
            database = await new DatabaseInitializer(store, settings.DataDirectory, startupLogger).StartAsync();
            foreach (var warning in await store.SecurityWarningsAsync(CancellationToken.None))
                startupLogger.LogWarning("{Warning}", warning);
        }
        catch (DataLoadException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return null;
        }
        catch (StoreLockTimeoutException ex)
        {
            await Console.Error.WriteLineAsync(OneLine(ex.Message));
            return null;
        }
        catch (Exception ex) when (DirectoryStore.IsUnavailable(ex))
        {
            await Console.Error.WriteLineAsync(OneLine($"The database {settings.Database.Description} cannot be reached: {ex.Message}"));
            return null;
        }
        catch (Npgsql.NpgsqlException ex)
        {
            // A wrong password, a missing database, a role without privileges: the server's answer says which.
            await Console.Error.WriteLineAsync(OneLine($"The database {settings.Database.Description} refused the directory's start-up: {ex.Message}"));
            return null;
        }

        phases.Done("database");
        // The directory is loaded before the host is built: the routing lexicon is checked against it, and a bad
        // lexicon stops start-up like bad seed data. Each new snapshot warms today's routing index before it is served.
        // The web pages' texts and pictures do not depend on the directory: read while it loads.
        var webData = Task.Run(() => (Web.InterfaceText.Load(settings.DataDirectory), Web.Pictures.WorldOutlines.Load(settings.DataDirectory)));
        var snapshots = new DirectorySnapshotProvider(store, startupLogs.CreateLogger<DirectorySnapshotProvider>());
        await (database.Data is { } seeded ? snapshots.LoadSeededAsync(seeded) : snapshots.ReloadAsync());
        phases.Done("snapshot");
        RoutingIndexCache routing;
        Web.InterfaceText interfaceText;
        Web.Pictures.WorldOutlines worldOutlines;
        try
        {
            routing = new RoutingIndexCache(LexiconLoader.Load(settings.DataDirectory, snapshots.Current),
                builder.Configuration.GetValue("ReadModel:IndexMergeEveryChanges", 0), startupLogs.CreateLogger<RoutingIndexCache>());
            (interfaceText, worldOutlines) = await webData;
            Features.Common.RecordsBegin.Load(settings.DataDirectory, snapshots.Current.Sources.Values);
            Features.Common.RecordsBegin.Observe(snapshots.Current);
        }
        catch (DataLoadException ex)
        {
            await database.Persisted;
            await Console.Error.WriteLineAsync(ex.Message);
            return null;
        }
        phases.Done("lexicon and data files");
        // Today's indexes are built while the host is (which reads none of them); nothing is served before both are done.
        var warming = Task.Run(() =>
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            routing.Warm(snapshots.Current);
            startupLogger.LogInformation("Routing and search indexes for today built in {Elapsed:0} ms", System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        });
        snapshots.Loading += routing.Warm;
        snapshots.Loading += loading => Features.Common.RecordsBegin.Observe(loading.Snapshot);

        async Task<WebApplication?> RefuseAsync(string message)
        {
            await Task.WhenAll(database.Persisted, warming);
            await Console.Error.WriteLineAsync(message);
            return null;
        }

        // gRPC on HTTP/2-only cleartext endpoints (h2c with prior knowledge), gRPC-Web and HTTP/JSON on HTTP/1.1 ones
        // (see ListenAddresses). Endpoints configured under Kestrel:Endpoints replace both lists.
        if (!builder.Configuration.GetSection("Kestrel:Endpoints").Exists())
        {
            ListenAddresses addresses;
            try
            {
                addresses = ListenAddresses.From(builder.Configuration);
            }
            catch (ArgumentException ex)
            {
                return await RefuseAsync(ex.Message);
            }
            // --urls is ours (ListenAddresses), not the host's. An empty value would make the host fall back to the
            // --urls it read at start and hand it to Kestrel, which then logs "Overriding address(es)…" as if the flag
            // were ignored; ";" is a list of no addresses.
            builder.WebHost.UseSetting(WebHostDefaults.ServerUrlsKey, ";");
            builder.WebHost.ConfigureKestrel(addresses.Apply);
        }
        else
        {
            builder.WebHost.ConfigureKestrel(k => k.ConfigureEndpointDefaults(l => l.Protocols = HttpProtocols.Http2));
        }

        ConnectionLimits.Apply(builder);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<DirectoryStore>(_ => store);   // made by a factory, so disposed with the host (PostgreSQL's connections)
        builder.Services.AddSingleton(snapshots);
        builder.Services.AddSingleton(routing);
        builder.Services.AddSingleton(new Features.Common.ResponseCache(builder.Configuration.GetValue("ReadModel:ResponseCacheSize", Features.Common.ResponseCache.DefaultCapacity)));
        builder.Services.AddApplication();
        try
        {
            builder.Services.AddDirectorySecurity(builder.Configuration, settings);
            builder.Services.AddDirectoryWebhooks(builder.Configuration);
            builder.Services.AddDirectoryIntegrations(builder.Configuration);   // /openapi.json, CORS
            builder.Services.AddDirectoryFeedback(builder.Configuration);
        }
        catch (ArgumentException ex)
        {
            return await RefuseAsync(ex.Message);
        }
        builder.Services.AddDirectoryGrpc(builder.Configuration);
        builder.Services.AddDirectoryWeb(interfaceText, worldOutlines);
        builder.Services.AddDirectoryMetrics(builder.Configuration);

        var app = builder.Build();
        app.Lifetime.ApplicationStopped.Register(startupLogs.Dispose);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            StartUpLog.Serving(startupLogger);
            snapshots.ReleaseGarbageSoon();
        });
        if (app.Configuration.GetValue("Grpc:EnableBareBenchmarkEndpoint", false))
            app.UseBareBenchmarkEndpoint();
        app.UseHeadAsGet();   // first: a HEAD is the GET it stands for, compression included
        app.UseResponseCompression();
        app.UseRouting();
        app.UseGrpcOnlyEndpoints();   // after routing: it needs to know which endpoint a request reached
        app.UseDirectoryCors();   // after routing, for the endpoints that take part (JSON routes, gRPC-Web)
        app.UseJsonRouteDates();
        app.UseShutdownGate();
        app.UseRequestBodyDeadline(builder.Configuration.GetValue("Grpc:RequestBodyTimeout", RequestBodyDeadline.DefaultTimeout), ReceiveLimits.From(builder.Configuration));
        app.MapDirectoryGrpc();
        app.UseDirectoryMetrics();   // after gRPC-Web's middleware, which MapDirectoryGrpc adds; /metrics for Prometheus
        app.MapDirectoryWeb();
        app.MapDirectoryIntegrations();
        phases.Done("host");
        await warming;
        phases.Done("today's indexes after the host");
        await database.Persisted;   // the host is built meanwhile, but nothing is served before the database holds it
        phases.Done("waiting for the seeding to commit");
        phases.Log(startupLogger);
        return app;
    }
}
