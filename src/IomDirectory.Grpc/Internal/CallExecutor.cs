using Microsoft.AspNetCore.Http;

namespace IomDirectory.Grpc.Internal;

/// <summary>Runs one call: negotiates encodings and deadline, invokes the handler, turns the outcome into a status.</summary>
internal sealed class CallExecutor(GrpcServerRuntime runtime)
{
    public async Task ExecuteAsync(HttpContext context, ServerMethodHandler handler)
    {
        var headers = context.Request.Headers;
        string? requestEncoding = null;
        var encoding = headers.GrpcEncoding.ToString();
        if (encoding.Length > 0 && !encoding.Equals(GrpcProtocol.Identity, StringComparison.OrdinalIgnoreCase))
        {
            if (!encoding.Equals(GrpcProtocol.Gzip, StringComparison.OrdinalIgnoreCase))
            {
                await CallResponder.WriteTrailersOnly(context.Response, new Status(StatusCode.Unimplemented,
                    $"Unsupported grpc-encoding value '{encoding}'. Supported encodings: {GrpcProtocol.SupportedEncodings}")).ConfigureAwait(false);
                return;
            }

            requestEncoding = GrpcProtocol.Gzip;
        }

        var candidate = requestEncoding ?? runtime.Options.ResponseCompressionAlgorithm;
        var responseEncoding = candidate is not null
            && candidate.Equals(GrpcProtocol.Gzip, StringComparison.OrdinalIgnoreCase)
            && GrpcProtocol.ListsEncoding(headers.GrpcAcceptEncoding.ToString(), GrpcProtocol.Gzip)
            ? GrpcProtocol.Gzip
            : null;

        TimeSpan? timeout = null;
        var timeoutHeader = headers.GrpcTimeout;
        if (timeoutHeader.Count > 0)
        {
            var text = timeoutHeader.ToString();
            if (GrpcTimeout.TryParse(text, out var parsed))
            {
                timeout = parsed;
            }
            else
            {
                Log.InvalidTimeoutIgnored(runtime.Logger, text);
            }
        }

        var response = context.Response;
        response.ContentType = GrpcProtocol.ContentType;
        response.Headers[GrpcProtocol.AcceptEncodingHeader] = GrpcProtocol.SupportedEncodings;

        using var call = new HttpServerCallContext(context, runtime, handler.Path, timeout, requestEncoding, responseEncoding);
        if (handler.IsStreaming)
        {
            call.DisableRequestLimits();
        }

        Status status;
        try
        {
            await handler.HandleAsync(call).ConfigureAwait(false);
            status = call.DeadlineExpired ? DeadlineStatus : call.Status;
        }
        catch (Exception exception)
        {
            status = MapFailure(call, exception);
        }

        if (context.RequestAborted.IsCancellationRequested && !call.DeadlineExpired)
        {
            Log.CallCancelled(runtime.Logger, handler.Path);
            return;
        }

        if (status.StatusCode == StatusCode.DeadlineExceeded && call.DeadlineExpired)
        {
            Log.DeadlineExceeded(runtime.Logger, handler.Path);
        }

        Log.CallEnded(runtime.Logger, handler.Path, status.StatusCode, status.Detail);
        CallResponder.Complete(call, status);
    }

    private static readonly Status DeadlineStatus = new(StatusCode.DeadlineExceeded, "Deadline exceeded");

    private Status MapFailure(HttpServerCallContext call, Exception exception)
    {
        if (call.DeadlineExpired && exception is OperationCanceledException or IOException)
        {
            return DeadlineStatus;
        }

        if (call.HttpContext.RequestAborted.IsCancellationRequested && exception is OperationCanceledException or IOException)
        {
            return new Status(StatusCode.Cancelled, "Call cancelled by the client.");
        }

        if (exception is RpcException rpc)
        {
            AddTrailers(call, rpc.Trailers);
            return rpc.Status;
        }

        if (runtime.ExceptionMapper is { } mapper)
        {
            try
            {
                if (mapper.Map(exception, call) is { } mapped)
                {
                    AddTrailers(call, mapped.Trailers);
                    return mapped.Status;
                }
            }
            catch (Exception mapperFailure)
            {
                exception = new AggregateException(exception, mapperFailure);
            }
        }

        var correlationId = Guid.NewGuid().ToString("N");
        Log.UnhandledException(runtime.Logger, call.Method, correlationId, exception);
        call.ResponseTrailers.Add(GrpcProtocol.CorrelationIdTrailer, correlationId);
        return new Status(StatusCode.Internal, $"Internal server error (correlation id {correlationId})");
    }

    private static void AddTrailers(HttpServerCallContext call, Metadata trailers)
    {
        foreach (var entry in trailers)
        {
            if (entry.IsBinary)
            {
                call.ResponseTrailers.Add(entry.Key, entry.ValueBytes);
            }
            else
            {
                call.ResponseTrailers.Add(entry.Key, entry.Value);
            }
        }
    }
}
