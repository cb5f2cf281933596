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
/// </summary>
internal static class RequestBodyDeadline
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    public static IApplicationBuilder UseRequestBodyDeadline(this IApplicationBuilder app, TimeSpan timeout) =>
        app.Use((context, next) =>
        {
            var method = context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method;
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
