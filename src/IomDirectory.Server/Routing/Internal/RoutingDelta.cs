using IomDirectory.Server.Domain;
using IomDirectory.Server.Snapshots;
namespace IomDirectory.Server.Routing.Internal;

/// <summary>
/// Which units an incremental routing index must read again, worked out from a base view, a newer view and the ids of
/// the records changed between them (of any kind), at the cost of those records and the subtrees they reach, never of
/// the whole directory:
/// <list type="bullet">
/// <item>a changed or new unit's texts (its postings move to the delta, <see cref="Texts"/>), a changed or retired
/// unit's base postings left out (<see cref="Masked"/>);</item>
/// <item>the parent and contact of every unit under a changed unit (a move, a retirement, a new unit) or under the
/// owner of a changed mailbox (added, retired, re-owned), down to the units with a mailbox of their own, which answer
/// for themselves and their subtrees whatever is above (<see cref="Linked"/>).</item>
/// </list>
/// </summary>
internal sealed class RoutingDelta
{
    private RoutingDelta() { }

    /// <summary>The changed and new units with their numbers (a new one after the base's last), by increasing number.</summary>
    public List<(int Number, UnitRecord Unit)> Texts { get; } = [];

    /// <summary>The base units whose base postings no longer count, with the records the base indexed.</summary>
    public List<(int Number, UnitRecord Unit)> Masked { get; } = [];

    /// <summary>New units' numbers, by id.</summary>
    public Dictionary<string, int> Added { get; } = new(StringComparer.Ordinal);

    /// <summary>Ids of the base units the newer view no longer has.</summary>
    public HashSet<string> Retired { get; } = new(StringComparer.Ordinal);

    /// <summary>Ids of the newer view's units whose parent and contact are worked out again.</summary>
    public HashSet<string> Linked { get; } = new(StringComparer.Ordinal);

    /// <summary>The first mailbox (by address, as <see cref="DirectoryView.Mailboxes"/> lists them) of each owner one of
    /// whose mailboxes changed; null when it has none any more.</summary>
    public Dictionary<string, MailboxRecord?> Owners { get; } = new(StringComparer.Ordinal);

    public static RoutingDelta Of(RoutingUnits units, DirectoryView before, DirectoryView after, IReadOnlySet<string> changed)
    {
        var delta = new RoutingDelta();
        var roots = new HashSet<string>(StringComparer.Ordinal);
        var added = new List<string>();
        var mailboxes = new List<MailboxRecord>();
        foreach (var id in changed)
        {
            if (before.Snapshot.Mailboxes.At(id, before.Instant) is { } oldMailbox) delta.Owners[oldMailbox.OwnerId] = null;
            if (after.Snapshot.Mailboxes.At(id, after.Instant) is { } newMailbox)
            {
                delta.Owners[newMailbox.OwnerId] = null;
                mailboxes.Add(newMailbox);
            }
            var isOld = before.Units.TryGetValue(id, out var old);
            var isNew = after.Units.TryGetValue(id, out var now);
            if (!isOld && !isNew) continue;
            // A unit's subtree changes when the unit is new, retired or moved, not when only its texts do.
            if (!isOld || !isNew || !string.Equals(old!.ParentId, now!.ParentId, StringComparison.Ordinal)) roots.Add(id);
            else delta.Linked.Add(id);
            if (isOld && units.TryFind(id, out var number))
            {
                delta.Masked.Add((number, old!));
                if (isNew) delta.Texts.Add((number, now!));
                else delta.Retired.Add(id);
            }
            else if (isNew) added.Add(id);
        }
        added.Sort(StringComparer.Ordinal);
        foreach (var id in added)
        {
            var number = units.Count + delta.Added.Count;
            delta.Added[id] = number;
            delta.Texts.Add((number, after.Units[id]));
        }
        delta.Texts.Sort((a, b) => a.Number.CompareTo(b.Number));
        delta.Masked.Sort((a, b) => a.Number.CompareTo(b.Number));

        if (delta.Owners.Count > 0)
        {
            foreach (var owner in delta.Owners.Keys.ToList())
                delta.Owners[owner] = FirstMailbox(units, after, changed, mailboxes, owner);
            // An owner that keeps a mailbox (another address, another of its mailboxes) still answers for its subtree.
            roots.UnionWith(delta.Owners.Where(o => (o.Value is not null) != (units.MailboxOf(o.Key) is not null)).Select(o => o.Key));
        }
        delta.Link(units, before, after, roots);
        return delta;
    }

    /// <summary>
    /// The owner's first mailbox in the newer view as <see cref="DirectoryView.Mailboxes"/> orders them (by address,
    /// ignoring case): among its unchanged base mailboxes and the changed ones it owns now. Two of equal address keep
    /// the view's order, which only the view's list tells: then that list is read.
    /// </summary>
    private static MailboxRecord? FirstMailbox(RoutingUnits units, DirectoryView after, IReadOnlySet<string> changed, List<MailboxRecord> mailboxes,
        string owner)
    {
        var candidates = units.BaseMailboxesOf(owner).Where(m => !changed.Contains(m.Id))
            .Concat(mailboxes.Where(m => string.Equals(m.OwnerId, owner, StringComparison.Ordinal))).ToList();
        if (candidates.Count == 0) return null;
        var first = candidates.MinBy(m => m.Address, StringComparer.OrdinalIgnoreCase)!;
        return candidates.Count(m => StringComparer.OrdinalIgnoreCase.Equals(m.Address, first.Address)) == 1 ? first
            : after.Mailboxes.First(m => string.Equals(m.OwnerId, owner, StringComparison.Ordinal));
    }

    /// <summary>Whether the unit has a mailbox in the newer view.</summary>
    public bool HasMailbox(RoutingUnits units, string id) =>
        Owners.TryGetValue(id, out var mailbox) ? mailbox is not null : units.MailboxOf(id) is not null;

    /// <summary>
    /// The roots and the units below them, in either view's tree: each one's parent may be another and its contact
    /// another. Below a unit with a mailbox of its own (not a root) nothing changes: it answers for its subtree.
    /// </summary>
    private void Link(RoutingUnits units, DirectoryView before, DirectoryView after, HashSet<string> roots)
    {
        var stack = new Stack<string>(roots);
        var seen = new HashSet<string>(roots, StringComparer.Ordinal);
        while (stack.Count > 0)
        {
            var id = stack.Pop();
            if (after.Units.ContainsKey(id)) Linked.Add(id);
            if (!roots.Contains(id) && HasMailbox(units, id)) continue;
            foreach (var children in (ReadOnlySpan<IReadOnlyList<UnitRecord>>)[after.ChildrenOf(id), before.ChildrenOf(id)])
            foreach (var child in children)
                if (seen.Add(child.Id)) stack.Push(child.Id);
        }
    }

    /// <summary>How many units the delta holds: units read again, left out or linked again.</summary>
    public int Units => Texts.Select(t => t.Unit.Id).Concat(Retired).Concat(Linked).Distinct(StringComparer.Ordinal).Count();
}
