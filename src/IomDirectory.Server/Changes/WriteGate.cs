using IomDirectory.Server.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace IomDirectory.Server.Changes;

/// <summary>
/// One writer at a time: first in this process, then across every process on the store (the store's write lock,
/// taken in the write's transaction: see <see cref="DirectoryStore.BeginWriteAsync"/>). Held from validation to
/// commit, so validators read a state no one else is changing and, of concurrent edits made with the same version,
/// exactly one wins — whichever replica they reach.
/// </summary>
public sealed class WriteGate(DirectoryStore store)
{
    private static readonly AsyncLocal<WriteLease?> InProgress = new();
    private readonly SemaphoreSlim _semaphore = new(1, 1);

    /// <summary>The write this call is making, set by <see cref="WriteSerializationBehavior{TRequest,TResponse}"/> around validation and handling.</summary>
    public static WriteLease? Current
    {
        get => InProgress.Value;
        internal set => InProgress.Value = value;
    }

    public async Task<WriteLease> EnterAsync(CancellationToken cancellationToken)
    {
        await _semaphore.WaitAsync(cancellationToken);
        DirectoryDbContext? db = null;
        try
        {
            db = store.CreateContext();
            var transaction = await store.BeginWriteAsync(db, cancellationToken);
            return new WriteLease(db, transaction, _semaphore);
        }
        catch
        {
            if (db is not null) await db.DisposeAsync();
            _semaphore.Release();
            throw;
        }
    }
}

/// <summary>The context and transaction of the write in progress, holding the write lock until disposed (rolled back unless committed).</summary>
public sealed class WriteLease(DirectoryDbContext db, IDbContextTransaction transaction, SemaphoreSlim gate) : IAsyncDisposable
{
    private int _released;

    public DirectoryDbContext Db => db;

    public Task CommitAsync(CancellationToken cancellationToken) => transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _released, 1) != 0) return;
        try
        {
            await transaction.DisposeAsync();
            await db.DisposeAsync();
        }
        finally
        {
            gate.Release();
        }
    }
}
