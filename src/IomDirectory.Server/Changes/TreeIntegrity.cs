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
        CheckReferences(mailboxes, m => m.OwnerId, m => offices.Exists(m.OwnerId) ? null : m.OwnerId, units, "mailbox", "owner unit", from);
        CheckReferences(mailboxes, m => m.OwnerId, m => offices.Exists(m.OwnerId) ? m.OwnerId : null, offices, "mailbox", "owner office", from);
    }

    private static void CheckTree<T>(StagedVersions<T> records, Func<T, string?> parentOf, string kind, string parentKind, DateTime from)
        where T : VersionedRecord
    {
        CheckReferences(records, parentOf, parentOf, records, kind, "parent " + parentKind, from);
        if (records.Touched.Count == 0) return;
        // Every cycle the write can make passes through a record it changed: walk up from each (TemporalTree.Cycles).
        // The walks' outcome changes only where a version of a record they visited starts or ends, so the next instant
        // looked at is the next such boundary: the first instant with a cycle is the one a check at every boundary finds.
        var visited = new HashSet<string>(StringComparer.Ordinal);
        bool ParentAt(DateTime instant, string id, out string? parent)
        {
            visited.Add(id);
            var current = records.At(id, instant);
            parent = current is null ? null : parentOf(current);
            return current is not null;
        }
        for (DateTime? instant = from; instant is { } at; instant = records.NextBoundary(visited, at))
        {
            visited.Clear();
            var cycles = TemporalTree.Cycles(records.Touched, (string id, out string? parent) => ParentAt(at, id, out parent));
            foreach (var id in records.Touched)
                if (cycles.FirstOrDefault(c => c.Contains(id)) is { } cycle)
                    throw new PreconditionFailedException(
                        $"This write would make a cycle in the {kind} tree from {Date(at)}: {string.Join(" → ", TemporalTree.Closed(cycle, cycle.IndexOf(id)))} (check the changes scheduled for that date).");
        }
    }

    /// <summary>Every child in force names a parent in force, in every period from <paramref name="from"/>.</summary>
    /// <remarks><paramref name="reference"/> is the id a child refers to (the same for every check of its table), <paramref name="parentOf"/> the one checked here.</remarks>
    private static void CheckReferences<TChild, TParent>(StagedVersions<TChild> children, Func<TChild, string?> reference, Func<TChild, string?> parentOf,
        StagedVersions<TParent> parents, string childKind, string parentWhat, DateTime from)
        where TChild : VersionedRecord where TParent : VersionedRecord
    {
        if (children.Touched.Count == 0 && parents.Touched.Count == 0) return;
        // The children that can be affected: those the write touched, and those under a parent it touched.
        var affected = children.Touched.SelectMany(children.Versions)
            .Concat(children.Referring(parents.Touched, reference).Where(c => parentOf(c) is { } p && parents.Touched.Contains(p)))
            .Distinct().ToList();
        // Whether a child is under a parent in force changes only where the child's version or a version of its parent
        // starts or ends: the first instant it is not, looked for at those boundaries, is the first a check at every
        // boundary of both kinds finds. The problem named is the earliest, the first child in this order at that instant.
        (TChild Child, string Parent, DateTime Instant)? first = null;
        foreach (var child in affected)
        {
            if (parentOf(child) is not { Length: > 0 } parent) continue;
            var instants = TemporalTree.Instants(TemporalTree.Boundaries([child]).Concat(TemporalTree.Boundaries(parents.Versions(parent))), from);
            foreach (var instant in instants)
            {
                if (first is { } found && instant >= found.Instant) break;
                if (child.IsInForceAt(instant) && parents.At(parent, instant) is null)
                {
                    first = (child, parent, instant);
                    break;
                }
            }
        }
        if (first is { } problem)
            throw new PreconditionFailedException(
                $"After this write, {childKind} '{problem.Child.Id}' would be under {parentWhat} '{problem.Parent}', which is not in force on {Date(problem.Instant)} " +
                "(check the changes scheduled around that date: a child must not outlive its parent).");
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

        /// <summary>The versions referring to one of <paramref name="targets"/>: the stored ones of unchanged records (in the snapshot's order), then the changed ones.</summary>
        public IEnumerable<T> Referring(IReadOnlySet<string> targets, Func<T, string?> reference) =>
            stored.Referring(targets, reference).Where(v => !changed.ContainsKey(v.Id))
                .Concat(changed.Values.SelectMany(v => v).Where(v => reference(v) is { } target && targets.Contains(target)));

        public bool Exists(string id) => Versions(id).Count > 0;

        public IReadOnlyList<T> Versions(string id) => changed.TryGetValue(id, out var list) ? list : stored.History(id);

        public T? At(string id, DateTime instant)
        {
            foreach (var v in Versions(id))
                if (v.IsInForceAt(instant)) return v;
            return null;
        }

        /// <summary>The first date after <paramref name="after"/> at which a version of one of <paramref name="ids"/> starts or ends, or null.</summary>
        public DateTime? NextBoundary(IEnumerable<string> ids, DateTime after)
        {
            DateTime? next = null;
            foreach (var id in ids)
            foreach (var date in TemporalTree.Boundaries(Versions(id)))
                if (date > after && (next is null || date < next)) next = date;
            return next;
        }
    }
}
