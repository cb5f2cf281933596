using IomDirectory.Server.Domain;

namespace IomDirectory.Server.Seeding;

/// <summary>
/// Finds cycles in a parent tree at every instant where the tree can change (each version boundary), so a
/// reorganization that swaps two parents over time is not mistaken for a cycle.
/// </summary>
internal static class TreeCycles
{
    public static void Check<T>(IReadOnlyList<Sourced<T>> records, Func<T, string?> parentOf, string what, List<DataError> errors)
        where T : VersionedRecord
    {
        var instants = records.SelectMany(r => new[] { r.Record.ValidFrom, r.Record.ValidTo })
            .Where(d => d is not null).Select(d => d!.Value).Append(DateTime.MinValue).Distinct().Order();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var instant in instants)
        {
            var parents = new Dictionary<string, (string? Parent, string File)>(StringComparer.Ordinal);
            foreach (var (file, _, record) in records)
                if (record.IsInForceAt(instant))
                    parents[record.Id] = (parentOf(record), file);
            // Each record is walked up once per instant: a walk stops at a record an earlier walk already settled.
            var settled = new HashSet<string>(StringComparer.Ordinal);
            var path = new List<string>();
            var onPath = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var start in parents.Keys)
            {
                var current = start;
                while (current is not null && !settled.Contains(current) && parents.TryGetValue(current, out var entry))
                {
                    if (onPath.TryGetValue(current, out var at))
                    {
                        var cycle = Rotated(path.Skip(at).ToList(), parents);
                        var key = string.Join(">", cycle.Skip(1).Order(StringComparer.Ordinal));
                        if (reported.Add(key))
                            errors.Add(new DataError(parents[cycle[0]].File, cycle[0],
                                $"cycle in the {what} tree: {string.Join(" → ", cycle)}", "parent"));
                        break;
                    }
                    onPath[current] = path.Count;
                    path.Add(current);
                    current = entry.Parent;
                }
                settled.UnionWith(path);
                path.Clear();
                onPath.Clear();
            }
        }
    }

    /// <summary>The cycle, closed, starting at a member of the data set rather than one the directory already holds.</summary>
    private static List<string> Rotated(List<string> members, Dictionary<string, (string? Parent, string File)> parents)
    {
        var start = Math.Max(0, members.FindIndex(m => parents[m].File != KnownRecords.Location));
        var rotated = members.Skip(start).Concat(members.Take(start)).ToList();
        rotated.Add(rotated[0]);
        return rotated;
    }
}
