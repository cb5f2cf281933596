using IomDirectory.Server.Domain;

namespace IomDirectory.Server.Seeding;

/// <summary>
/// Start-up's check of <see cref="TemporalTree"/>'s rule on data/ (with the records the directory already holds):
/// every cycle at every version boundary, each reported once, with the file of a member.
/// </summary>
internal static class TreeCycles
{
    public static void Check<T>(IReadOnlyList<Sourced<T>> records, Func<T, string?> parentOf, string what, List<DataError> errors)
        where T : VersionedRecord
    {
        var instants = TemporalTree.Instants(TemporalTree.Boundaries(records.Select(r => r.Record)), DateTime.MinValue);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var instant in instants)
        {
            var parents = new Dictionary<string, (string? Parent, string File)>(StringComparer.Ordinal);
            foreach (var (file, _, record) in records)
                if (record.IsInForceAt(instant))
                    parents[record.Id] = (parentOf(record), file);
            bool ParentAt(string id, out string? parent)
            {
                var inForce = parents.TryGetValue(id, out var entry);
                parent = entry.Parent;
                return inForce;
            }
            foreach (var members in TemporalTree.Cycles(parents.Keys, ParentAt))
            {
                // Named from a member of the data set rather than one the directory already holds.
                var cycle = TemporalTree.Closed(members, Math.Max(0, members.FindIndex(m => parents[m].File != KnownRecords.Location)));
                var key = string.Join(">", cycle.Skip(1).Order(StringComparer.Ordinal));
                if (reported.Add(key))
                    errors.Add(new DataError(parents[cycle[0]].File, cycle[0], $"cycle in the {what} tree: {string.Join(" → ", cycle)}", "parent"));
            }
        }
    }
}
