using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace IomDirectory.Server.Application;

/// <summary>The pipeline of one request type, seen through its response type (what <see cref="RequestPipelines"/> holds).</summary>
internal abstract class RequestPipeline<TResponse>
{
    public abstract Task<TResponse> Send(IRequest<TResponse> request, CancellationToken cancellationToken);
}

/// <summary>
/// The behaviours (in registration order, the first outermost) and the handler of one request type, resolved once:
/// they are all singletons. A call walks the chain with one small <see cref="Invocation"/> instead of a closure per
/// behaviour.
/// </summary>
internal sealed class RequestPipeline<TRequest, TResponse>(IServiceProvider services) : RequestPipeline<TResponse>
    where TRequest : IRequest<TResponse>
{
    private readonly IPipelineBehavior<TRequest, TResponse>[] _behaviours = [.. services.GetServices<IPipelineBehavior<TRequest, TResponse>>()];
    private readonly IRequestHandler<TRequest, TResponse> _handler = services.GetRequiredService<IRequestHandler<TRequest, TResponse>>();

    public override Task<TResponse> Send(IRequest<TResponse> request, CancellationToken cancellationToken) =>
        new Invocation(this, (TRequest)request, cancellationToken).Next();

    /// <summary>
    /// One call on its way down the chain. Every behaviour gets the same <c>next</c>, which moves one step on, so a
    /// behaviour calls it at most once (as all of ours do).
    /// </summary>
    private sealed class Invocation
    {
        private readonly RequestPipeline<TRequest, TResponse> _pipeline;
        private readonly TRequest _request;
        private readonly CancellationToken _cancellationToken;
        private readonly RequestHandlerDelegate<TResponse> _next;
        private int _position;

        public Invocation(RequestPipeline<TRequest, TResponse> pipeline, TRequest request, CancellationToken cancellationToken)
        {
            _pipeline = pipeline;
            _request = request;
            _cancellationToken = cancellationToken;
            _next = Next;
        }

        public Task<TResponse> Next()
        {
            var behaviours = _pipeline._behaviours;
            var position = _position++;
            return position < behaviours.Length
                ? behaviours[position].Handle(_request, _cancellationToken, _next)
                : _pipeline._handler.Handle(_request, _cancellationToken);
        }
    }
}
