using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace IomDirectory.Grpc.Internal;

/// <summary>
/// Unary: exactly one request message, one response written as a single buffer (flushed with the trailers).
/// <typeparamref name="TResult"/> is what the application handler returns: the response message, or an
/// <see cref="EncodedMessage{T}"/> of it; <c>write</c> puts it on the wire.
/// </summary>
internal sealed class UnaryMethodHandler<TRequest, TResult>(
    MethodDescriptor method, UnaryServerMethod<TRequest, TResult> handler, Action<HttpServerCallContext, TResult> write)
    : ServerMethodHandler(method)
    where TRequest : class, IMessage<TRequest>, new()
    where TResult : class
{
    private readonly MessageParser<TRequest> _parser = CreateParser<TRequest>();

    public override async Task HandleAsync(HttpServerCallContext call)
    {
        var request = await RequestMessageReader.ReadSingleAsync(call, _parser, call.CancellationToken).ConfigureAwait(false);
        var response = await handler(request, call).ConfigureAwait(false);
        if (call.Status.StatusCode != StatusCode.OK || call.DeadlineExpired)
        {
            return;   // an error status, or a deadline that passed: the executor answers without the message
        }

        if (response is null)
        {
            throw new InvalidOperationException($"Handler of {Path} returned a null response.");
        }

        write(call, response);
    }
}
