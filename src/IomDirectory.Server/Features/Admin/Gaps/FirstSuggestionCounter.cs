namespace IomDirectory.Server.Features.Admin.Gaps;

/// <summary>
/// Counts, in memory, which record routing put first in each answer on today's org chart, until
/// <see cref="FirstSuggestionFlusher"/> adds the counts to the database in one batch. Bounded: at most
/// <see cref="MaxPending"/> records wait for a flush (answers about others until then are not counted, and the
/// number left out is logged at the flush). Counts decay by half every <see cref="HalfLife"/>: each answer weighs
/// 2^((time − <see cref="Epoch"/>) / half-life), so sums stay sums on both stores and across replicas.
/// </summary>
public sealed class FirstSuggestionCounter(TimeProvider time)
{
    public const int MaxPending = 1000;
    public static readonly TimeSpan HalfLife = TimeSpan.FromDays(7);
    public static readonly DateTime Epoch = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly Lock _lock = new();
    private Dictionary<string, double> _pending = new(StringComparer.Ordinal);
    private long _leftOut;

    /// <summary>One answer put <paramref name="recordKey"/> ("unit:dhrr") first. Never waits on the database.</summary>
    public void Record(string recordKey)
    {
        if (recordKey.Length == 0) return;
        var weight = WeightAt(time.GetUtcNow().UtcDateTime);
        lock (_lock)
        {
            if (_pending.TryGetValue(recordKey, out var sum)) _pending[recordKey] = sum + weight;
            else if (_pending.Count < MaxPending) _pending[recordKey] = weight;
            else _leftOut++;
        }
    }

    /// <summary>What was counted since the last call, and how many answers were left out for want of room.</summary>
    public (IReadOnlyDictionary<string, double> Weights, long LeftOut) Drain()
    {
        lock (_lock)
        {
            var drained = (_pending, _leftOut);
            _pending = new Dictionary<string, double>(StringComparer.Ordinal);
            _leftOut = 0;
            return drained;
        }
    }

    /// <summary>Puts back a weight a failed flush could not write (within the same bound).</summary>
    internal void Restore(string recordKey, double weight)
    {
        lock (_lock)
        {
            if (_pending.TryGetValue(recordKey, out var sum)) _pending[recordKey] = sum + weight;
            else if (_pending.Count < MaxPending) _pending[recordKey] = weight;
        }
    }

    /// <summary>Counted but not yet flushed (the report adds these to the database's).</summary>
    public IReadOnlyDictionary<string, double> Pending()
    {
        lock (_lock) return new Dictionary<string, double>(_pending, StringComparer.Ordinal);
    }

    public static double WeightAt(DateTime instant) => Math.Pow(2, (instant - Epoch).TotalSeconds / HalfLife.TotalSeconds);

    /// <summary>A stored weight as a count of answers decayed to <paramref name="now"/>.</summary>
    public static double CountAt(double weight, DateTime now) => weight / WeightAt(now);
}
