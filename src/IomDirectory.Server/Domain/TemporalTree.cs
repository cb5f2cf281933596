namespace IomDirectory.Server.Domain;

/// <summary>
/// The rule a parent tree of versioned records keeps (units under units, offices under offices): no cycle at any
/// instant. The tree changes only where a version starts or ends, so it is checked at each such boundary (and at the
/// first instant looked at), and a reorganization that swaps two parents over time is not mistaken for a cycle.
/// Start-up checks data/ with it (<c>Seeding.TreeCycles</c>: every cycle, with its file), a write the records it
/// touched (<c>Changes.TreeIntegrity</c>: the first cycle it would make); each reports in its own words.
/// </summary>
public static class TemporalTree
{
    /// <summary>The parent of a record in force at the instant being checked; false when the record is not in force then.</summary>
    public delegate bool ParentAt(string id, out string? parent);

    /// <summary>The dates at which <paramref name="versions"/> start or end (where a tree of them can change).</summary>
    public static IEnumerable<DateTime> Boundaries(IEnumerable<VersionedRecord> versions) =>
        versions.SelectMany(v => new[] { v.ValidFrom, v.ValidTo }).Where(d => d is not null).Select(d => d!.Value);

    /// <summary>The instants from <paramref name="from"/> on at which a tree of these versions can change, in order (it is constant between them).</summary>
    public static IEnumerable<DateTime> Instants(IEnumerable<DateTime> boundaries, DateTime from) =>
        boundaries.Where(d => d > from).Append(from).Distinct().Order();

    /// <summary>
    /// The cycles reached by walking up from each of <paramref name="starts"/>, each once, as its members in walking
    /// order from where a walk entered it. Each record is walked up once: a walk stops at a record an earlier walk settled.
    /// </summary>
    public static List<List<string>> Cycles(IEnumerable<string> starts, ParentAt parentAt)
    {
        var cycles = new List<List<string>>();
        var settled = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<string>();
        var onPath = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var start in starts)
        {
            var current = start;
            while (current is not null && !settled.Contains(current) && parentAt(current, out var parent))
            {
                if (onPath.TryGetValue(current, out var at))
                {
                    cycles.Add(path[at..]);
                    break;
                }
                onPath[current] = path.Count;
                path.Add(current);
                current = parent;
            }
            settled.UnionWith(path);
            path.Clear();
            onPath.Clear();
        }
        return cycles;
    }

    /// <summary>A cycle's members from <paramref name="first"/> on, closed (the first again at the end): how both checks name it.</summary>
    public static List<string> Closed(List<string> members, int first)
    {
        var rotated = members[first..];
        rotated.AddRange(members[..first]);
        rotated.Add(rotated[0]);
        return rotated;
    }
}
