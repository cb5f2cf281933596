using OpenTelemetry.Metrics;

namespace IomDirectory.Server.Hosting;

/// <summary>
/// Operator metrics (OpenTelemetry, scraped by Prometheus at <see cref="ScrapePath"/>): the directory's own meter
/// (<see cref="DirectoryMetrics"/>) and ASP.NET Core's and Kestrel's built-in meters (requests by route and status,
/// connections). On unless <c>Metrics:Enabled</c> is false; <see cref="DirectoryMetrics"/> is registered either way,
/// so the code that reports to it need not know (with no listener its instruments record nothing). The scrape
/// endpoint is anonymous, as Prometheus expects; <c>Metrics:ScrapeCacheMilliseconds</c> overrides how long the
/// exporter reuses one scrape's answer.
/// </summary>
internal static class MetricsHosting
{
    public const string ScrapePath = "/metrics";

    public static IServiceCollection AddDirectoryMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMetrics();
        services.AddSingleton(sp => new DirectoryMetrics(sp.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), TimeProvider.System));
        if (!Enabled(configuration)) return services;
        var cacheMilliseconds = configuration.GetValue<int?>("Metrics:ScrapeCacheMilliseconds");
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(DirectoryMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
            .AddPrometheusExporter(o =>
            {
                if (cacheMilliseconds is { } ms) o.ScrapeResponseCacheDurationMilliseconds = ms;
            }));
        return services;
    }

    /// <summary>After routing and after <c>MapDirectoryGrpc</c> (which adds gRPC-Web): see <see cref="RpcMetricsMiddleware"/>.</summary>
    public static void UseDirectoryMetrics(this WebApplication app)
    {
        if (!Enabled(app.Configuration)) return;
        var metrics = app.Services.GetRequiredService<DirectoryMetrics>();
        var follower = app.Services.GetRequiredService<Changes.ChangeFollower>();
        metrics.SnapshotConfirmed(app.Services.GetRequiredService<Snapshots.DirectorySnapshotProvider>().Current.Sequence, DateTime.UtcNow);
        follower.CaughtUp += (sequence, latest) =>
        {
            metrics.SnapshotConfirmed(sequence, DateTime.UtcNow);
            metrics.DatabaseSequence(latest);
        };
        follower.Applied += change => metrics.ChangeApplied(DateTime.UtcNow - change.At);
        follower.StalledChanged += metrics.ChangeFeedStalled;
        metrics.ChangeFeedStalled(follower.Stalled is not null);
        app.UseRpcMetrics();
        app.MapPrometheusScrapingEndpoint(ScrapePath).DisableHttpMetrics();
    }

    private static bool Enabled(IConfiguration configuration) => configuration.GetValue("Metrics:Enabled", true);
}
