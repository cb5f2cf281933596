namespace IomDirectory.Server.ReadModel;

/// <summary>An item ranked by <see cref="Score"/> first (higher is better), then by its comparer on a tie.</summary>
public interface IScored
{
    double Score { get; }
}

/// <summary>
/// The best <c>k</c> of many items, best first, without sorting them all: a heap of the <c>k</c> best so far, whose
/// worst is replaced when a better item comes. Once the heap is full, an item scoring below its worst is turned
/// away on that one comparison, so ranking thousands of candidates for a page of ten costs little more than a loop.
/// </summary>
/// <param name="betterFirst">The full order: by <see cref="IScored.Score"/> descending, then the ranking's tie-breaks.</param>
public sealed class TopSelection<T>(int k, IComparer<T> betterFirst) where T : struct, IScored
{
    private readonly PriorityQueue<T, T> _kept = new(Comparer<T>.Create((a, b) => betterFirst.Compare(b, a)));

    public void Offer(T item)
    {
        if (_kept.Count < k) _kept.Enqueue(item, item);
        else if (k > 0 && item.Score >= _kept.Peek().Score && betterFirst.Compare(item, _kept.Peek()) < 0) _kept.DequeueEnqueue(item, item);
    }

    /// <summary>The kept items, best first.</summary>
    public T[] Best()
    {
        var best = new T[_kept.Count];
        for (var i = best.Length - 1; i >= 0; i--) best[i] = _kept.Dequeue();
        return best;
    }
}
