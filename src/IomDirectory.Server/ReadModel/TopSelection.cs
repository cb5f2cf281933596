namespace IomDirectory.Server.ReadModel;

/// <summary>
/// The best <c>k</c> of many items, best first, without sorting them all: a heap of the <c>k</c> best so far, whose
/// worst is replaced when a better item comes. Ranking thousands of scored candidates for a page of ten costs a
/// comparison each.
/// </summary>
public sealed class TopSelection<T>(int k, IComparer<T> betterFirst)
{
    private readonly PriorityQueue<T, T> _kept = new(Comparer<T>.Create((a, b) => betterFirst.Compare(b, a)));

    public void Offer(T item)
    {
        if (k <= 0) return;
        if (_kept.Count < k) _kept.Enqueue(item, item);
        else if (betterFirst.Compare(item, _kept.Peek()) < 0) _kept.DequeueEnqueue(item, item);
    }

    /// <summary>The kept items, best first.</summary>
    public T[] Best()
    {
        var best = new T[_kept.Count];
        for (var i = best.Length - 1; i >= 0; i--) best[i] = _kept.Dequeue();
        return best;
    }
}
