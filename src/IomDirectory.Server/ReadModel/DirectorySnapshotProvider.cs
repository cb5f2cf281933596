using IomDirectory.Server.Infrastructure;

namespace IomDirectory.Server.ReadModel;

/// <summary>
/// Holds the current snapshot. Readers take <see cref="Current"/> (a reference read, never blocked); a writer
/// that committed a change calls <see cref="ReloadAsync"/>, and the next read sees it.
/// </summary>
public sealed class DirectorySnapshotProvider(Func<DirectoryDbContext> createContext)
{
    private readonly SemaphoreSlim _reloadGate = new(1, 1);
    private DirectorySnapshot? _current;
    private long _generation;

    /// <summary>Runs on every new snapshot before readers see it (caches built per view warm themselves here).</summary>
    public event Action<DirectorySnapshot>? Loading;

    public DirectorySnapshot Current => _current ?? throw new InvalidOperationException("The directory has not been loaded yet.");

    public async Task ReloadAsync(CancellationToken cancellationToken = default)
    {
        await _reloadGate.WaitAsync(cancellationToken);
        try
        {
            await using var db = createContext();
            var content = await DirectoryContent.LoadAsync(db, Interlocked.Increment(ref _generation), cancellationToken);
            var snapshot = new DirectorySnapshot(content);
            snapshot.At(DateTime.UtcNow);   // build today's view (and its indexes) before readers need it
            Loading?.Invoke(snapshot);
            Volatile.Write(ref _current, snapshot);
        }
        finally
        {
            _reloadGate.Release();
        }
    }
}
