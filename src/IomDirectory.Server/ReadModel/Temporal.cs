using IomDirectory.Server.Domain;

namespace IomDirectory.Server.ReadModel;

/// <summary>All versions of every record of one kind, by id, each id's versions in date order.</summary>
public sealed class Temporal<T> where T : VersionedRecord
{
    private readonly Dictionary<string, T[]> _byId;

    public Temporal(IEnumerable<T> versions)
    {
        _byId = versions.GroupBy(v => v.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(v => v.ValidFrom ?? DateTime.MinValue).ToArray(), StringComparer.Ordinal);
    }

    public int Count => _byId.Count;

    public IEnumerable<T> AllVersions => _byId.Values.SelectMany(v => v);

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

    public IEnumerable<DateTime> Boundaries() =>
        _byId.Values.SelectMany(vs => vs).SelectMany(v => new[] { v.ValidFrom, v.ValidTo })
            .Where(d => d is not null).Select(d => d!.Value);

    private static T? InForce(T[] versions, DateTime instant)
    {
        foreach (var v in versions)
            if (v.IsInForceAt(instant))
                return v;
        return null;
    }
}
