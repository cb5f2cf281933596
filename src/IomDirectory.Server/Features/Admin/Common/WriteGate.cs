namespace IomDirectory.Server.Features.Admin.Common;

/// <summary>
/// One writer at a time in this process. Held from validation to commit, so validators read a state no one
/// else is changing and, of concurrent edits made with the same version, exactly one wins.
/// </summary>
public sealed class WriteGate
{
    private readonly SemaphoreSlim _semaphore = new(1, 1);

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _semaphore.WaitAsync(cancellationToken);
        return new Releaser(_semaphore);
    }

    private sealed class Releaser(SemaphoreSlim semaphore) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
                semaphore.Release();
        }
    }
}
