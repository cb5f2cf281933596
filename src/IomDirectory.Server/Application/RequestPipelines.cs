using System.Collections.Concurrent;
using MediatR;

namespace IomDirectory.Server.Application;

/// <summary>
/// Sends a MediatR request through its behaviours and handler. MediatR 5's <c>Mediator</c> rebuilds the chain on
/// every call (resolving from a DI scope, LINQ and a closure per behaviour); here every behaviour and handler is a
/// singleton, so each request type's chain is resolved on its first call and reused.
/// </summary>
public sealed class RequestPipelines(IServiceProvider services)
{
    private readonly ConcurrentDictionary<Type, object> _pipelines = new();

    public Task<TResponse> Send<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pipeline = (RequestPipeline<TResponse>)_pipelines.GetOrAdd(request.GetType(), static (type, services) =>
            Activator.CreateInstance(typeof(RequestPipeline<,>).MakeGenericType(type, typeof(TResponse)), services)!, services);
        return pipeline.Send(request, cancellationToken);
    }
}
