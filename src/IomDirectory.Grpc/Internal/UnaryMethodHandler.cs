using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace IomDirectory.Grpc.Internal;

/// <summary>Unary: exactly one request message, one response written as a single buffer (flushed with the trailers).</summary>
internal sealed class UnaryMethodHandler<TRequest, TResponse>(MethodDescriptor method, UnaryServerMethod<TRequest, TResponse> handler)
    : ServerMethodHandler(method)
    where TRequest : class, IMessage<TRequest>, new()
    where TResponse : class, IMessage<TResponse>
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

        ResponseMessageWriter.Write(call, response);
    }
}
