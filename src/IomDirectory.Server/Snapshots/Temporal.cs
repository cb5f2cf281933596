using IomDirectory.Server.Domain;

namespace IomDirectory.Server.Snapshots;

/// <summary>All versions of every record of one kind, by id, each id's versions in date order.</summary>
/// <remarks>
/// Records are kept in the order of their first version in what it was built from (a new record last), the order
/// every view enumerates them in. Immutable: a change makes a new one with <see cref="With"/>, which copies the
/// table (a block copy) and replaces only the changed ids' versions.
/// </remarks>
public sealed class Temporal<T> where T : VersionedRecord
{
    private readonly Dictionary<string, T[]> _byId;

    public Temporal(IEnumerable<T> versions)
    {
        _byId = versions.GroupBy(v => v.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => InDateOrder(g), StringComparer.Ordinal);
    }

    private Temporal(Dictionary<string, T[]> byId) => _byId = byId;

    public int Count => _byId.Count;

    public IEnumerable<T> AllVersions => _byId.Values.SelectMany(v => v);

    /// <summary>
    /// This table with the versions of the <paramref name="ids"/> replaced by <paramref name="fresh"/> (every version of
    /// each, as the store now holds them): an id keeps its place, a new id comes last (in the order of
    /// <paramref name="fresh"/>), an id with no version left is dropped — as a whole reload would order them.
    /// </summary>
    public Temporal<T> With(IReadOnlyCollection<string> ids, IEnumerable<T> fresh)
    {
        var versions = fresh.GroupBy(v => v.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => InDateOrder(g), StringComparer.Ordinal);
        Dictionary<string, T[]> byId;
        if (ids.Any(id => _byId.ContainsKey(id) && !versions.ContainsKey(id)))
        {
            // Removing from a dictionary leaves a hole the next new id would take, out of order: copy without them.
            byId = new Dictionary<string, T[]>(_byId.Count, StringComparer.Ordinal);
            foreach (var (id, kept) in _byId)
                if (!ids.Contains(id) || versions.ContainsKey(id)) byId[id] = kept;
        }
        else
        {
            byId = new Dictionary<string, T[]>(_byId, StringComparer.Ordinal);
        }
        foreach (var (id, changed) in versions) byId[id] = changed;
        return new Temporal<T>(byId);
    }

    /// <summary>
    /// The versions in force at some instant from <paramref name="from"/> on (now, or scheduled): what a write at
    /// that date must not clash with, since a write that commits first may take effect later than a write that waited
    /// behind it.
    /// </summary>
    public IEnumerable<T> InForceFrom(DateTime from) => AllVersions.Where(v => v.ValidTo is null || v.ValidTo > from);

    public IReadOnlyList<T> History(string id) => _byId.TryGetValue(id, out var v) ? v : [];

    public T? At(string id, DateTime instant) =>
        _byId.TryGetValue(id, out var versions) ? InForce(versions, instant) : null;

    public IEnumerable<T> AllAt(DateTime instant)
    {
        foreach (var versions in _byId.Values)
            if (InForce(versions, instant) is { } v)
                yield return v;
    }

    public IEnumerable<DateTime> Boundaries() => _byId.Values.SelectMany(BoundariesOf);

    /// <summary>The dates the versions start or end at.</summary>
    public static IEnumerable<DateTime> BoundariesOf(IEnumerable<T> versions) =>
        versions.SelectMany(v => new[] { v.ValidFrom, v.ValidTo }).Where(d => d is not null).Select(d => d!.Value);

    private static T[] InDateOrder(IEnumerable<T> versions) => versions.OrderBy(v => v.ValidFrom ?? DateTime.MinValue).ToArray();

    private static T? InForce(T[] versions, DateTime instant)
    {
        foreach (var v in versions)
            if (v.IsInForceAt(instant))
                return v;
        return null;
    }
}
