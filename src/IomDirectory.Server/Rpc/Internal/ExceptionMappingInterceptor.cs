using Grpc.Core;
using Grpc.Core.Interceptors;

namespace IomDirectory.Server.Rpc.Internal;

/// <summary>
/// Wraps every handler of the directory's services: application failures become their status
/// (<see cref="DirectoryExceptionMapper"/>); anything else is logged with a correlation id and answered INTERNAL
/// "Internal server error (correlation id X)" with a <c>correlation-id</c> trailer, never grpc-dotnet's UNKNOWN
/// and never a stack trace. Cancellation by deadline or client reset is left to grpc-dotnet, which answers
/// DEADLINE_EXCEEDED or CANCELLED.
/// </summary>
public sealed partial class ExceptionMappingInterceptor(ILogger<ExceptionMappingInterceptor> logger) : Interceptor
{
    public const string CorrelationIdTrailer = "correlation-id";

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception ex) when (Translate(ex, context) is { } status)
        {
            throw status;
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception ex) when (Translate(ex, context) is { } status)
        {
            throw status;
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream,
        IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, responseStream, context);
        }
        catch (Exception ex) when (Translate(ex, context) is { } status)
        {
            throw status;
        }
    }

    /// <summary>The status to answer, or null to let the exception through (it is already a status, or a cancellation).</summary>
    private RpcException? Translate(Exception exception, ServerCallContext context)
    {
        if (exception is RpcException) return null;
        if (exception is OperationCanceledException && context.CancellationToken.IsCancellationRequested) return null;
        if (DirectoryExceptionMapper.Map(exception) is { } mapped) return mapped;
        var correlationId = Guid.NewGuid().ToString("N");
        LogUnhandled(logger, exception, context.Method, correlationId);
        return new RpcException(new Status(StatusCode.Internal, $"Internal server error (correlation id {correlationId})"),
            new Metadata { { CorrelationIdTrailer, correlationId } });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception in {Method} (correlation id {CorrelationId})")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string correlationId);
}
