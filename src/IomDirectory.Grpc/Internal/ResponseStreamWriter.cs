using Google.Protobuf;

namespace IomDirectory.Grpc.Internal;

/// <summary>Server-streaming response writer: each message is written and flushed as it comes.</summary>
internal sealed class ResponseStreamWriter<T>(HttpServerCallContext call) : IServerStreamWriter<T>
    where T : IMessage<T>
{
    private int _writing;

    public async Task WriteAsync(T message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (Interlocked.Exchange(ref _writing, 1) == 1)
        {
            throw new InvalidOperationException("Only one write can be pending at a time.");
        }

        try
        {
            var token = call.CancellationToken;
            token.ThrowIfCancellationRequested();
            ResponseMessageWriter.Write(call, message);
            using var registration = cancellationToken.CanBeCanceled && cancellationToken != token
                ? CancellationTokenSource.CreateLinkedTokenSource(token, cancellationToken)
                : null;
            var result = await call.HttpContext.Response.BodyWriter.FlushAsync(registration?.Token ?? token).ConfigureAwait(false);
            if (result.IsCanceled || result.IsCompleted)
            {
                token.ThrowIfCancellationRequested();
                throw new OperationCanceledException("The response stream is closed.", token);
            }
        }
        finally
        {
            Volatile.Write(ref _writing, 0);
        }
    }
}
