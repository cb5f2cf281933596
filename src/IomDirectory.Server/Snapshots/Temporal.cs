using IomDirectory.Server.Domain;

namespace IomDirectory.Server.Snapshots;

/// <summary>All versions of every record of one kind, by id, each id's versions in date order.</summary>
/// <remarks>
/// Records are kept in the order of their first version in what it was built from (a new record last), the order
/// every view enumerates them in. Immutable: a change makes a new one with <see cref="With"/>, which replaces only the
/// changed ids' versions and shares the rest (<see cref="OverlayMap{TValue}"/>).
/// </remarks>
public sealed class Temporal<T> where T : VersionedRecord
{
    private readonly OverlayMap<T[]> _byId;
    private References? _references;   // built on first use, then shared with (and kept up by) the tables With makes

    public Temporal(IEnumerable<T> versions)
    {
        _byId = new OverlayMap<T[]>(versions.GroupBy(v => v.Id, StringComparer.Ordinal).Select(g => KeyValuePair.Create(g.Key, InDateOrder(g))));
    }

    private Temporal(OverlayMap<T[]> byId, References? references)
    {
        _byId = byId;
        _references = references;
    }

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
        var byId = _byId.With(ids.Where(id => !versions.ContainsKey(id)), versions);
        var references = Volatile.Read(ref _references);
        references?.Add(versions);
        return new Temporal<T>(byId, references);
    }

    /// <summary>
    /// The versions that refer to one of <paramref name="targets"/> by <paramref name="reference"/> (a parent, an owner:
    /// one reference per table), in this table's order, each record's in date order: what a write that changes the
    /// targets must check, found without a pass over the table.
    /// </summary>
    public IEnumerable<T> Referring(IReadOnlySet<string> targets, Func<T, string?> reference)
    {
        var index = LazyInitializer.EnsureInitialized(ref _references, () => new References(_byId, reference));
        return index.Candidates(targets).Where(_byId.ContainsKey).SelectMany(id => _byId[id])
            .Where(v => reference(v) is { } target && targets.Contains(target));
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

    public IEnumerable<DateTime> Boundaries() => _byId.Values.SelectMany(TemporalTree.Boundaries);

    /// <summary>
    /// Which records have had a version referring to each id, and each record's place in the table's order. It only
    /// grows (a record that no longer refers to an id is dropped by <see cref="Referring"/>, which reads the versions),
    /// so the tables of one line of changes can share it: a record keeps its place, and a new one comes last.
    /// </summary>
    private sealed class References
    {
        private readonly Lock _lock = new();
        private readonly Func<T, string?> _reference;
        private readonly Dictionary<string, HashSet<string>> _byTarget = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _place = new(StringComparer.Ordinal);

        public References(OverlayMap<T[]> byId, Func<T, string?> reference)
        {
            _reference = reference;
            foreach (var (id, versions) in byId) Add(id, versions);
        }

        /// <summary>The changed records' versions.</summary>
        public void Add(Dictionary<string, T[]> versions)
        {
            lock (_lock)
                foreach (var (id, changed) in versions)
                    Add(id, changed);
        }

        public List<string> Candidates(IReadOnlySet<string> targets)
        {
            lock (_lock)
            {
                var ids = new HashSet<string>(StringComparer.Ordinal);
                foreach (var target in targets)
                    if (_byTarget.TryGetValue(target, out var referring)) ids.UnionWith(referring);
                return [.. ids.OrderBy(id => _place[id])];
            }
        }

        private void Add(string id, T[] versions)
        {
            _place.TryAdd(id, _place.Count);
            foreach (var version in versions)
                if (_reference(version) is { } target)
                {
                    if (!_byTarget.TryGetValue(target, out var referring)) _byTarget[target] = referring = new(StringComparer.Ordinal);
                    referring.Add(id);
                }
        }
    }

    private static T[] InDateOrder(IEnumerable<T> versions) => versions.OrderBy(v => v.ValidFrom ?? DateTime.MinValue).ToArray();

    private static T? InForce(T[] versions, DateTime instant)
    {
        foreach (var v in versions)
            if (v.IsInForceAt(instant))
                return v;
        return null;
    }
}
