namespace IomDirectory.Server.Text;

/// <summary>
/// An item ranked by <see cref="Score"/> first (higher is better), then by the ranking's tie-breaks: its
/// <see cref="IComparable{T}.CompareTo"/> is negative when it ranks before the other.
/// </summary>
public interface IRanked<T> : IComparable<T>
{
    double Score { get; }
}

/// <summary>
/// The best <c>k</c> of many items, best first, without sorting them all: a heap of the <c>k</c> best so far with the
/// worst at its root. Once it is full, <see cref="Admits"/> turns an item away on its score alone, before the caller
/// even builds it, so ranking thousands of candidates for a page of ten costs little more than a loop.
/// </summary>
public sealed class TopSelection<T>(int k) where T : struct, IRanked<T>
{
    private T[] _heap = new T[Math.Min(k, 16)];
    private int _count;

    /// <summary>Whether an item with this score could be kept.</summary>
    public bool Admits(double score) => _count < k || (k > 0 && score >= _heap[0].Score);

    /// <summary>The <c>k</c>-th best item once <c>k</c> have been kept: nothing worse can be kept any more.</summary>
    public T? Worst => k > 0 && _count == k ? _heap[0] : null;

    /// <summary>The kept items, in no particular order.</summary>
    public ReadOnlySpan<T> Items => _heap.AsSpan(0, _count);

    public void Offer(T item)
    {
        if (_count < k)
        {
            if (_count == _heap.Length) Array.Resize(ref _heap, (int)Math.Min(k, 2L * _heap.Length));
            _heap[_count] = item;
            SiftUp(_count++);
        }
        else if (k > 0 && item.CompareTo(_heap[0]) < 0)
        {
            _heap[0] = item;
            SiftDown(0);
        }
    }

    /// <summary>The kept items, best first.</summary>
    public T[] Best()
    {
        var best = _heap[.._count];
        Array.Sort(best);
        return best;
    }

    private bool Worse(int i, int j) => _heap[i].CompareTo(_heap[j]) > 0;

    private void SiftUp(int i)
    {
        for (var parent = (i - 1) / 2; i > 0 && Worse(i, parent); i = parent, parent = (i - 1) / 2)
            (_heap[i], _heap[parent]) = (_heap[parent], _heap[i]);
    }

    private void SiftDown(int i)
    {
        while (true)
        {
            var worst = i;
            foreach (var child in (ReadOnlySpan<int>)[2 * i + 1, 2 * i + 2])
                if (child < _count && Worse(child, worst)) worst = child;
            if (worst == i) return;
            (_heap[i], _heap[worst]) = (_heap[worst], _heap[i]);
            i = worst;
        }
    }
}
