namespace IomDirectory.Server.Snapshots;

/// <summary>
/// What one catch-up read again, per table (the audit trail's entity kind): the ids its changes named and every
/// version of each as the store now holds them (none for an id no longer stored).
/// </summary>
public sealed class ContentChanges
{
    private readonly Dictionary<string, (HashSet<string> Ids, System.Collections.IList Fresh)> _byKind = new(StringComparer.Ordinal);
    private readonly HashSet<string> _all = new(StringComparer.Ordinal);

    /// <summary>Every id changed, of any kind: what the derived indexes re-read.</summary>
    public IReadOnlySet<string> AllIds => _all;

    public bool Touches(string kind) => _byKind.ContainsKey(kind);

    public IReadOnlySet<string> Ids(string kind) => _byKind.TryGetValue(kind, out var changed) ? changed.Ids : EmptyIds;

    public IReadOnlyList<T> Fresh<T>(string kind) => _byKind.TryGetValue(kind, out var changed) ? (List<T>)changed.Fresh : [];

    internal void Add<T>(string kind, HashSet<string> ids, List<T> fresh)
    {
        _byKind[kind] = (ids, fresh);
        _all.UnionWith(ids);
    }

    private static readonly IReadOnlySet<string> EmptyIds = new HashSet<string>();
}
