using Microsoft.Extensions.Logging;

namespace IomDirectory.Grpc.Internal;

/// <summary>Source-generated log messages of the server.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Debug, "Invalid grpc-timeout value '{Value}' ignored; the call has no deadline.")]
    public static partial void InvalidTimeoutIgnored(ILogger logger, string value);

    [LoggerMessage(2, LogLevel.Error, "Unhandled exception in gRPC method {Method} (correlation id {CorrelationId}).")]
    public static partial void UnhandledException(ILogger logger, string method, string correlationId, Exception exception);

    [LoggerMessage(3, LogLevel.Debug, "gRPC call {Method} ended with {StatusCode}: {Detail}")]
    public static partial void CallEnded(ILogger logger, string method, StatusCode statusCode, string detail);

    [LoggerMessage(4, LogLevel.Information, "gRPC call {Method} was cancelled by the client.")]
    public static partial void CallCancelled(ILogger logger, string method);

    [LoggerMessage(5, LogLevel.Information, "gRPC call {Method} exceeded its deadline.")]
    public static partial void DeadlineExceeded(ILogger logger, string method);

    [LoggerMessage(6, LogLevel.Debug, "Rejected {Protocol} {HttpMethod} request to {Path}: HTTP {HttpStatus}.")]
    public static partial void RequestRejected(ILogger logger, string protocol, string httpMethod, string path, int httpStatus);

}
