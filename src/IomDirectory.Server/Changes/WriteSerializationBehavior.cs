using IomDirectory.Server.Application;
using IomDirectory.Server.Infrastructure;
using MediatR;

namespace IomDirectory.Server.Changes;

/// <summary>
/// Holds the <see cref="WriteGate"/> around validation and handling of every write, once the snapshot shows every
/// change committed before the write lock was taken (on any replica); reads pass straight through. A database that
/// cannot be reached makes the write UNAVAILABLE, with nothing applied.
/// </summary>
public sealed class WriteSerializationBehavior<TRequest, TResponse>(WriteGate gate, ChangeFollower follower) : IPipelineBehavior<TRequest, TResponse>
{
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next) =>
        request is IWriteCommand ? SerializedAsync(next, cancellationToken) : next();

    private async Task<TResponse> SerializedAsync(RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken)
    {
        try
        {
            await using var lease = await gate.EnterAsync(cancellationToken);
            WriteGate.Current = lease;   // flows into the validators and the handler
            Snapshots.ViewLimits.UnmeteredForThisWrite();   // likewise; both end with this method's flow
            await follower.EnsureCurrentAsync(lease.Db, cancellationToken);   // validators must see every committed change
            return await next();
        }
        catch (Exception ex) when (ex is not (StoreUnavailableException or StoreLockTimeoutException) && DirectoryStore.IsUnavailable(ex))
        {
            throw new StoreUnavailableException("The directory's database cannot be reached; this write was not applied. Retry in a moment.", ex);
        }
    }
}
