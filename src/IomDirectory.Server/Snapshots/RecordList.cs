using System.Collections;

namespace IomDirectory.Server.Snapshots;

/// <summary>
/// The rows of one table as a snapshot keeps them: by record, in the order of each record's first row, a record's rows
/// together in the store's order. Immutable; <see cref="With"/> replaces the changed records' rows at the cost of the
/// change, sharing the rest (<see cref="OverlayMap{TValue}"/>).
/// </summary>
public sealed class RecordList<T> : IReadOnlyList<T>
{
    private readonly OverlayMap<T[]> _records;
    private T[]? _rows;   // built on first use by index: the write path only enumerates

    private RecordList(OverlayMap<T[]> records, int count)
    {
        _records = records;
        Count = count;
    }

    /// <summary>The rows of <paramref name="rows"/> grouped by record, each record at its first row.</summary>
    public static RecordList<T> Of(IReadOnlyList<T> rows, Func<T, string> idOf) =>
        rows as RecordList<T> ?? new RecordList<T>(new OverlayMap<T[]>(Grouped(rows, idOf)), rows.Count);

    public int Count { get; }

    public T this[int index] => LazyInitializer.EnsureInitialized(ref _rows, () => [.. this])[index];

    /// <summary>
    /// These rows with every row of the <paramref name="ids"/> replaced by <paramref name="fresh"/> (all the rows of
    /// each, as the store now holds them): a record keeps its place, a new one comes last, one with no row left goes.
    /// </summary>
    public RecordList<T> With(IReadOnlySet<string> ids, IReadOnlyList<T> fresh, Func<T, string> idOf)
    {
        var records = Grouped(fresh, idOf);
        var count = Count + fresh.Count;
        foreach (var id in ids)
            if (_records.TryGetValue(id, out var old)) count -= old.Length;
        var present = records.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        return new RecordList<T>(_records.With(ids.Where(id => !present.Contains(id)), records), count);
    }

    public IEnumerator<T> GetEnumerator()
    {
        foreach (var (_, rows) in _records)
            foreach (var row in rows)
                yield return row;
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static List<KeyValuePair<string, T[]>> Grouped(IEnumerable<T> rows, Func<T, string> idOf) =>
        [.. rows.GroupBy(idOf, StringComparer.Ordinal).Select(g => KeyValuePair.Create(g.Key, g.ToArray()))];
}
