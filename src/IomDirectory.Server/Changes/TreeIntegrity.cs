using IomDirectory.Server.Application;
using IomDirectory.Server.Domain;
using IomDirectory.Server.Infrastructure;
using Microsoft.EntityFrameworkCore;
using IomDirectory.Server.Snapshots;

namespace IomDirectory.Server.Changes;

/// <summary>
/// The rules that depend on the tree, checked on the state a write is about to commit, in every period from the
/// write's effective date on (as start-up checks data/ at every version boundary): no cycle, a parent exists and is
/// in force wherever its child is, and a retired record leaves nothing in force under it. Validators check the
/// effective date only; a write at one date can break a change scheduled at another (move Y under X in 2030, then
/// X under Y now), which only this sees. Only problems involving the records the write touched are reported, so a
/// write is never blocked by what is already stored.
/// </summary>
public static class TreeIntegrity
{
    /// <summary>Throws <see cref="PreconditionFailedException"/> naming the first problem the staged changes would commit.</summary>
    public static void Check(DirectoryDbContext db, DirectorySnapshot snapshot, DateTime effective)
    {
        var units = Staged(db, snapshot.Units);
        var offices = Staged(db, snapshot.Offices);
        var mailboxes = Staged(db, snapshot.Mailboxes);
        if (units.Touched.Count + offices.Touched.Count + mailboxes.Touched.Count == 0) return;
        // A write changes the org chart from its effective date on. (The history an import brings for a new record is
        // checked against the document and the directory by the import's own validation, as data/ is at start-up.)
        var from = effective;

        CheckTree(units, u => u.ParentId, "unit", "unit", from);
        CheckTree(offices, o => o.ParentId, "office", "office", from);
        // A mailbox belongs to a unit or an office (ids are unique across both kinds).
        var officeIds = offices.All.Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        CheckReferences(mailboxes, m => officeIds.Contains(m.OwnerId) ? null : m.OwnerId, units, "mailbox", "owner unit", from);
        CheckReferences(mailboxes, m => officeIds.Contains(m.OwnerId) ? m.OwnerId : null, offices, "mailbox", "owner office", from);
    }

    private static void CheckTree<T>(StagedVersions<T> records, Func<T, string?> parentOf, string kind, string parentKind, DateTime from)
        where T : VersionedRecord
    {
        CheckReferences(records, parentOf, records, kind, "parent " + parentKind, from);
        if (records.Touched.Count == 0) return;
        foreach (var instant in records.Instants(from))
        foreach (var id in records.Touched)
        {
            // Walk up from each touched record; coming back to it is a cycle this write makes (every cycle it can
            // make passes through a record it changed). The visited set stops on a cycle already stored.
            var start = records.At(id, instant);
            if (start is null) continue;
            var path = new List<string> { id };
            var seen = new HashSet<string>(StringComparer.Ordinal) { id };
            for (var parent = parentOf(start); parent is not null && records.At(parent, instant) is { } current; parent = parentOf(current))
            {
                path.Add(parent);
                if (parent == id)
                    throw new PreconditionFailedException(
                        $"This write would make a cycle in the {kind} tree from {Date(instant)}: {string.Join(" → ", path)} (check the changes scheduled for that date).");
                if (!seen.Add(parent)) break;
            }
        }
    }

    /// <summary>Every child in force names a parent in force, in every period from <paramref name="from"/>.</summary>
    private static void CheckReferences<TChild, TParent>(StagedVersions<TChild> children, Func<TChild, string?> parentOf,
        StagedVersions<TParent> parents, string childKind, string parentWhat, DateTime from)
        where TChild : VersionedRecord where TParent : VersionedRecord
    {
        if (children.Touched.Count == 0 && parents.Touched.Count == 0) return;
        // The children that can be affected: those the write touched, and those under a parent it touched.
        var affected = children.Touched.SelectMany(children.Versions)
            .Concat(children.All.Where(c => parentOf(c) is { } p && parents.Touched.Contains(p)))
            .Distinct().ToList();
        if (affected.Count == 0) return;
        var instants = children.Instants(from).Concat(parents.Instants(from)).Distinct().Order().ToList();
        foreach (var instant in instants)
        foreach (var child in affected)
        {
            if (!child.IsInForceAt(instant) || parentOf(child) is not { Length: > 0 } parent) continue;
            if (parents.At(parent, instant) is null)
                throw new PreconditionFailedException(
                    $"After this write, {childKind} '{child.Id}' would be under {parentWhat} '{parent}', which is not in force on {Date(instant)} " +
                    "(check the changes scheduled around that date: a child must not outlive its parent).");
        }
    }

    private static string Date(DateTime instant) => instant == DateTime.MinValue ? "the beginning" : instant.ToString("yyyy-MM-dd HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The versions the write would leave: the snapshot's, with those of every record the write tracks replaced.</summary>
    private static StagedVersions<T> Staged<T>(DirectoryDbContext db, Temporal<T> stored) where T : VersionedRecord
    {
        var tracked = db.ChangeTracker.Entries<T>().Where(e => e.State is not EntityState.Deleted and not EntityState.Detached).ToList();
        var touched = tracked.Where(e => e.State is EntityState.Added or EntityState.Modified).Select(e => e.Entity.Id).ToHashSet(StringComparer.Ordinal);
        var byId = new Dictionary<string, List<T>>(StringComparer.Ordinal);
        if (touched.Count == 0) return new StagedVersions<T>(byId, touched, stored);
        foreach (var entry in tracked.Where(e => touched.Contains(e.Entity.Id)))
        {
            if (!byId.TryGetValue(entry.Entity.Id, out var list)) byId[entry.Entity.Id] = list = [];
            list.Add(entry.Entity);
        }
        return new StagedVersions<T>(byId, touched, stored);
    }

    private sealed class StagedVersions<T>(Dictionary<string, List<T>> changed, HashSet<string> touched, Temporal<T> stored) where T : VersionedRecord
    {
        public HashSet<string> Touched { get; } = touched;

        public IEnumerable<T> All => stored.AllVersions.Where(v => !changed.ContainsKey(v.Id)).Concat(changed.Values.SelectMany(v => v));

        public IReadOnlyList<T> Versions(string id) => changed.TryGetValue(id, out var list) ? list : stored.History(id);

        public T? At(string id, DateTime instant)
        {
            foreach (var v in Versions(id))
                if (v.IsInForceAt(instant)) return v;
            return null;
        }

        /// <summary>The instants from <paramref name="from"/> on at which this kind's records can change (the tree is constant between them).</summary>
        public IEnumerable<DateTime> Instants(DateTime from) => stored.Boundaries()
            .Concat(changed.Values.SelectMany(v => v).SelectMany(v => new[] { v.ValidFrom, v.ValidTo }).Where(d => d is not null).Select(d => d!.Value))
            .Where(d => d > from).Append(from).Distinct().Order();
    }
}
