using System.Collections.Concurrent;

namespace IomDirectory.Server.Features.Common;

/// <summary>
/// A concurrent memo of at most about <c>capacity</c> entries, for values that are a pure function of their key and
/// of something immutable the cache belongs to (a snapshot, a routing index). When full it starts again empty: memory
/// stays bounded and a working set that moves is picked up. A capacity of 0 caches nothing.
/// </summary>
public sealed class BoundedCache<TKey, TValue>
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> _entries = new();
    private readonly int _capacity;
    private int _count;

    public BoundedCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _capacity = capacity;
    }

    /// <summary>The cached value of <paramref name="key"/>, else <paramref name="create"/>'s, kept for next time.</summary>
    public TValue GetOrAdd<TArgument>(TKey key, Func<TArgument, TValue> create, TArgument argument)
    {
        if (_capacity == 0)
            return create(argument);
        if (_entries.TryGetValue(key, out var cached))
            return cached;
        var value = create(argument);
        if (Interlocked.Increment(ref _count) > _capacity)
            StartAgain();
        if (!_entries.TryAdd(key, value))
            Interlocked.Decrement(ref _count);
        return value;
    }

    private void StartAgain()
    {
        lock (_entries)
        {
            if (Volatile.Read(ref _count) <= _capacity)
                return;
            _entries.Clear();
            Volatile.Write(ref _count, 1);
        }
    }
}
