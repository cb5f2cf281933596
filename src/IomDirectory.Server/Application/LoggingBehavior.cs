using System.Diagnostics;
using MediatR;
using Microsoft.Extensions.Logging;

namespace IomDirectory.Server.Application;

/// <summary>Logs every request with its duration, and failures with their type.</summary>
public sealed partial class LoggingBehavior<TRequest, TResponse>(ILogger<LoggingBehavior<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next();
            if (logger.IsEnabled(LogLevel.Debug))
                LogHandled(logger, typeof(TRequest).Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (Exception ex)
        {
            LogFailed(logger, typeof(TRequest).Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds, ex.GetType().Name);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Request} handled in {Elapsed:0.000} ms")]
    private static partial void LogHandled(ILogger logger, string request, double elapsed);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Request} failed after {Elapsed:0.000} ms: {Failure}")]
    private static partial void LogFailed(ILogger logger, string request, double elapsed, string failure);
}
