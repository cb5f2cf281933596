using IomDirectory.Server.Infrastructure;
using IomDirectory.Server.Rpc;

namespace IomDirectory.Server.Hosting;

/// <summary>
/// Ties health to readiness: NOT_SERVING until the host has started (the snapshot and today's indexes are built
/// before that) and the database answers; then the database is checked every <see cref="Interval"/>, and health
/// follows it; NOT_SERVING from the moment shutdown begins.
/// </summary>
internal sealed partial class ServingReadiness(DirectoryHealthService health, IHostApplicationLifetime lifetime, ServerSettings settings,
    ILogger<ServingReadiness> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        lifetime.ApplicationStopping.Register(() => health.SetServing(false));
        if (!await Started(stoppingToken)) return;
        bool? last = null;
        while (!stoppingToken.IsCancellationRequested && !lifetime.ApplicationStopping.IsCancellationRequested)
        {
            var reachable = await DatabaseReachable(stoppingToken);
            if (lifetime.ApplicationStopping.IsCancellationRequested) break;
            if (reachable != last)
            {
                health.SetServing(reachable);
                if (!reachable) LogUnreachable(logger, settings.DatabasePath);
                last = reachable;
            }
            try
            {
                await Task.Delay(Interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private async Task<bool> Started(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled());
        try
        {
            await started.Task;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task<bool> DatabaseReachable(CancellationToken cancellation)
    {
        try
        {
            // A plain connection and one statement: an EF context would build its model first, which at start-up
            // delayed the first SERVING by seconds on a loaded machine.
            if (!File.Exists(settings.DatabasePath)) return false;
            await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(DatabaseLocation.ConnectionString(settings.DatabasePath) + ";Mode=ReadOnly");
            await connection.OpenAsync(cancellation);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            return Convert.ToInt32(await command.ExecuteScalarAsync(cancellation), System.Globalization.CultureInfo.InvariantCulture) == 1;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database {Path} is not reachable: health reports NOT_SERVING")]
    private static partial void LogUnreachable(ILogger logger, string path);
}
