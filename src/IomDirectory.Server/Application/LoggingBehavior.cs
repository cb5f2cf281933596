using System.Diagnostics;
using MediatR;
using Microsoft.Extensions.Logging;

namespace IomDirectory.Server.Application;

/// <summary>
/// Logs every request with its duration (at Debug, formatted only when enabled), and failures with their type.
/// A request answered synchronously, as most reads are, passes through without an async step of its own.
/// </summary>
public sealed partial class LoggingBehavior<TRequest, TResponse>(ILogger<LoggingBehavior<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var started = Stopwatch.GetTimestamp();
        Task<TResponse> handling;
        try
        {
            handling = next();
        }
        catch (Exception ex)
        {
            Failed(started, ex);
            throw;
        }
        if (!handling.IsCompletedSuccessfully)
            return AwaitAsync(handling, started);
        Handled(started);
        return handling;
    }

    private async Task<TResponse> AwaitAsync(Task<TResponse> handling, long started)
    {
        try
        {
            var response = await handling;
            Handled(started);
            return response;
        }
        catch (Exception ex)
        {
            Failed(started, ex);
            throw;
        }
    }

    private void Handled(long started)
    {
        if (logger.IsEnabled(LogLevel.Debug))
            LogHandled(logger, typeof(TRequest).Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private void Failed(long started, Exception ex) =>
        LogFailed(logger, typeof(TRequest).Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds, ex.GetType().Name);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Request} handled in {Elapsed:0.000} ms")]
    private static partial void LogHandled(ILogger logger, string request, double elapsed);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Request} failed after {Elapsed:0.000} ms: {Failure}")]
    private static partial void LogFailed(ILogger logger, string request, double elapsed, string failure);
}
