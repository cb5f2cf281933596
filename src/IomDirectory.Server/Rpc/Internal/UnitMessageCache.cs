using System.Runtime.CompilerServices;
using IomDirectory.Contracts.V1;
using IomDirectory.Server.Domain;
using IomDirectory.Server.Features.Common;
using IomDirectory.Server.Snapshots;
using IomDirectory.Server.Rpc;
namespace IomDirectory.Server.Rpc.Internal;

/// <summary>
/// GetUnit answers, mapped and encoded once per (view, unit, language). A snapshot, its views and its records never
/// change (a write brings a new snapshot), so the message stays what <see cref="MessageMapping.Unit"/> would build;
/// the entries of a snapshot go with it. Entries are keyed by the view's period start, not the view, so the cache
/// never keeps a view of another date alive (a sweep of <c>as_of</c> instants would otherwise pin thousands). At most <c>capacity</c> entries per
/// snapshot (setting <c>Rpc:UnitMessageCacheSize</c>, 0 = off): a unit's message is a few hundred bytes to a few KB.
/// </summary>
public sealed class UnitMessageCache(int capacity)
{
    public const int DefaultCapacity = 4096;

    private readonly ConditionalWeakTable<DirectorySnapshot, BoundedCache<(DateTime Period, string Id, string Language), Unit>> _snapshots = new();

    public Unit Get(UnitRecord unit, DirectoryView view, string language)
    {
        if (capacity == 0) return MessageMapping.Unit(unit, view, language);
        if (!_snapshots.TryGetValue(view.Snapshot, out var cache))
            cache = _snapshots.GetValue(view.Snapshot, _ => new(capacity));
        return cache.GetOrAdd((view.Instant, unit.Id, language),
            static a => PreEncodedResponses.Remember(MessageMapping.Unit(a.unit, a.view, a.language)), (unit, view, language));
    }
}
