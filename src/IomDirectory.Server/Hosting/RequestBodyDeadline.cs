using System.IO.Pipelines;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Http.Features;

namespace IomDirectory.Server.Hosting;

/// <summary>
/// A unary or server-streaming call must have sent its whole request (one message) within
/// <c>Grpc:RequestBodyTimeout</c> (default <see cref="DefaultTimeout"/>), or its stream is reset. Kestrel's minimum
/// data rate does not reliably end an HTTP/2 stream that sends headers and then nothing, so without this a client
/// could park a stream (and a partial message up to the receive limit) on every connection for as long as it liked.
/// Calls whose requests are streams (reflection) have their own idle limit instead.
/// <para>
/// The HTTP/JSON routes (transcoding) read <c>HttpRequest.Body</c>, not the pipe wrapped here, and deserialize the
/// whole body in memory, bounded by nothing but Kestrel's body size. So their bodies are read here first, with the
/// same deadline and the route's receive limit (<see cref="ReceiveLimits"/>), into one buffer the route then reads:
/// a body over the limit is answered 413 (from its Content-Length, before a byte is read), a body that stalls 408
/// and the connection closed, either way as a JSON <c>google.rpc.Status</c> like the routes' other errors.
/// </para>
/// </summary>
internal static class RequestBodyDeadline
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    public static IApplicationBuilder UseRequestBodyDeadline(this IApplicationBuilder app, TimeSpan timeout, ReceiveLimits limits) =>
        app.Use((context, next) =>
        {
            var endpoint = context.GetEndpoint();
            if (endpoint?.Metadata.GetMetadata<Microsoft.AspNetCore.Grpc.JsonTranscoding.GrpcJsonTranscodingMetadata>() is { } json)
                return JsonBody.ReadThenRun(context, next, timeout, limits.For(json.MethodDescriptor.Service.FullName));
            var method = endpoint?.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method;
            if (method is null || method.Type is Grpc.Core.MethodType.ClientStreaming or Grpc.Core.MethodType.DuplexStreaming)
                return next(context);
            var feature = context.Features.Get<IRequestBodyPipeFeature>();
            if (feature is null) return next(context);
            var reader = new DeadlineReader(feature.Reader, context, timeout);
            context.Features.Set<IRequestBodyPipeFeature>(new Feature(reader));
            return Run(context, next, reader);
        });

    private static async Task Run(HttpContext context, RequestDelegate next, DeadlineReader reader)
    {
        try
        {
            await next(context);
        }
        finally
        {
            reader.Stop();
        }
    }

    /// <summary>A JSON route's body, read whole within the deadline and the limit before the route runs.</summary>
    private static class JsonBody
    {
        public static async Task ReadThenRun(HttpContext context, RequestDelegate next, TimeSpan timeout, int limit)
        {
            var request = context.Request;
            if (context.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: false } || request.ContentLength == 0)
            {
                await next(context);
                return;
            }
            if (request.ContentLength > limit)
            {
                await Refuse(context, StatusCodes.Status413PayloadTooLarge, Grpc.Core.StatusCode.ResourceExhausted, TooLarge(limit));
                return;
            }
            var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent((int)Math.Min(request.ContentLength ?? 4096, limit + 1L));
            var length = 0;
            var original = request.Body;
            try
            {
                using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted))
                {
                    deadline.CancelAfter(timeout);
                    try
                    {
                        while (true)
                        {
                            if (length == buffer.Length)
                            {
                                if (length > limit) break;
                                var larger = System.Buffers.ArrayPool<byte>.Shared.Rent((int)Math.Min(2L * buffer.Length, limit + 1L));
                                buffer.AsSpan(0, length).CopyTo(larger);
                                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
                                buffer = larger;
                            }
                            var read = await original.ReadAsync(buffer.AsMemory(length, (int)Math.Min(buffer.Length, limit + 1L) - length), deadline.Token);
                            if (read == 0) break;
                            length += read;
                        }
                    }
                    catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
                    {
                        await Refuse(context, StatusCodes.Status408RequestTimeout, Grpc.Core.StatusCode.DeadlineExceeded,
                            $"The request body did not arrive within {timeout.TotalSeconds:0} s.");
                        return;
                    }
                }
                if (length > limit)
                {
                    await Refuse(context, StatusCodes.Status413PayloadTooLarge, Grpc.Core.StatusCode.ResourceExhausted, TooLarge(limit));
                    return;
                }
                request.Body = new MemoryStream(buffer, 0, length, writable: false);
                await next(context);
            }
            finally
            {
                request.Body = original;
                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        private static string TooLarge(int limit) =>
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The request body is larger than this route's limit of {limit} bytes.");

        /// <summary>
        /// The routes' error shape (a google.rpc.Status as JSON), and the connection closed after it: the rest of the
        /// body is not read.
        /// </summary>
        private static async Task Refuse(HttpContext context, int httpStatus, Grpc.Core.StatusCode code, string message)
        {
            var response = context.Response;
            response.StatusCode = httpStatus;
            response.ContentType = "application/json; charset=utf-8";
            response.Headers.Connection = "close";
            await response.WriteAsync(System.Text.Json.JsonSerializer.Serialize(new { code = (int)code, message, details = Array.Empty<object>() }));
        }
    }

    private sealed class Feature(PipeReader reader) : IRequestBodyPipeFeature
    {
        public PipeReader Reader { get; } = reader;
    }

    /// <summary>
    /// Reads through; resets the stream if the body has not ended when the timer fires. The timer is armed only when
    /// a read would wait: the usual small request has arrived whole (END_STREAM with its DATA) by the first read, and
    /// costs no timer at all.
    /// </summary>
    private sealed class DeadlineReader(PipeReader inner, HttpContext context, TimeSpan timeout) : PipeReader
    {
        private readonly PipeReader _inner = inner;
        private CancellationTokenSource? _timer;
        private CancellationTokenRegistration _registration;
        private bool _ended;

        public void Stop()
        {
            _ended = true;
            _registration.Dispose();
            _timer?.Dispose();
        }

        public override ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default)
        {
            if (!_ended && _timer is null)
            {
                if (_inner.TryRead(out var ready))
                {
                    if (ready.IsCompleted) Stop();
                    return new ValueTask<ReadResult>(ready);
                }
                _timer = new CancellationTokenSource(timeout);
                _registration = _timer.Token.UnsafeRegister(static state => ((HttpContext)state!).Abort(), context);
            }
            return Waited(cancellationToken);
        }

        private async ValueTask<ReadResult> Waited(CancellationToken cancellationToken)
        {
            var result = await _inner.ReadAsync(cancellationToken);
            if (result.IsCompleted) Stop();
            return result;
        }

        public override bool TryRead(out ReadResult result)
        {
            if (!_inner.TryRead(out result)) return false;
            if (result.IsCompleted) Stop();
            return true;
        }

        public override void AdvanceTo(SequencePosition consumed) => _inner.AdvanceTo(consumed);
        public override void AdvanceTo(SequencePosition consumed, SequencePosition examined) => _inner.AdvanceTo(consumed, examined);
        public override void CancelPendingRead() => _inner.CancelPendingRead();

        public override void Complete(Exception? exception = null)
        {
            Stop();
            _inner.Complete(exception);
        }
    }
}
