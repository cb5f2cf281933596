using Google.Protobuf;

namespace IomDirectory.Grpc.Internal;

/// <summary>Request stream of a bidi call, read message by message from the request pipe.</summary>
internal sealed class RequestStreamReader<T>(HttpServerCallContext call, MessageParser<T> parser) : IAsyncStreamReader<T>
    where T : class, IMessage<T>
{
    private T? _current;
    private bool _completed;

    public T Current => _current ?? throw new InvalidOperationException("MoveNext has not returned true.");

    public async Task<bool> MoveNext(CancellationToken cancellationToken = default)
    {
        if (_completed)
        {
            return false;
        }

        using var linked = cancellationToken.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(call.CancellationToken, cancellationToken)
            : null;
        var message = await RequestMessageReader.ReadAsync(call, parser, linked?.Token ?? call.CancellationToken).ConfigureAwait(false);
        _current = message;
        _completed = message is null;
        return message is not null;
    }
}
