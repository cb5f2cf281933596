using MediatR;

namespace IomDirectory.Server.Features.Admin.Common;

/// <summary>
/// Holds the <see cref="WriteGate"/> around validation and handling of every write, once the snapshot shows every
/// committed change; reads pass straight through.
/// </summary>
public sealed class WriteSerializationBehavior<TRequest, TResponse>(WriteGate gate, SnapshotCatchUp catchUp) : IPipelineBehavior<TRequest, TResponse>
{
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next) =>
        request is IWriteCommand ? SerializedAsync(next, cancellationToken) : next();

    private async Task<TResponse> SerializedAsync(RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken)
    {
        using (await gate.EnterAsync(cancellationToken))
        {
            await catchUp.EnsureCurrentAsync(cancellationToken);   // validators must see every committed change
            return await next();
        }
    }
}
