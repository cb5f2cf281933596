using IomDirectory.Server.Domain;
using IomDirectory.Server.Search;

namespace IomDirectory.Server.Snapshots;

/// <summary>
/// The org chart in force during one period: every record's in-force version, with the indexes reads need
/// (children, owners, coverage). Shared by all readers while its snapshot keeps it (see <see cref="DirectorySnapshot.At"/>).
/// </summary>
public sealed class DirectoryView
{
    private static readonly IReadOnlyList<UnitRecord> NoUnits = [];
    private readonly Lock _searchBuild = new();
    private SearchIndex? _search;
    private Reachability? _reach;

    internal DirectoryView(DirectorySnapshot snapshot, DateTime instant)
    {
        Snapshot = snapshot;
        Instant = instant;
        Offices = snapshot.Offices.AllAt(instant).ToDictionary(o => o.Id, StringComparer.Ordinal);
        Units = snapshot.Units.AllAt(instant).ToDictionary(u => u.Id, StringComparer.Ordinal);
        Mailboxes = MailboxesOf(snapshot, instant);
        FocalPoints = snapshot.FocalPoints.AllAt(instant).OrderBy(f => f.Id, StringComparer.Ordinal).ToList();
        Committees = snapshot.Committees.AllAt(instant).OrderBy(c => c.Id, StringComparer.Ordinal).ToList();
        Functions = snapshot.OfficeFunctions.AllAt(instant).ToLookup(f => f.OfficeId, StringComparer.Ordinal);
        Coverage = snapshot.Coverage.AllAt(instant).ToDictionary(c => c.Country, StringComparer.OrdinalIgnoreCase);
        Children = Units.Values.Where(u => u.ParentId is not null && Units.ContainsKey(u.ParentId))
            .GroupBy(u => u.ParentId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<UnitRecord>)InTreeOrder(g), StringComparer.Ordinal);
        Roots = InTreeOrder(Units.Values.Where(u => IsRoot(u, Units)));
        CoveredCountries = CoveredCountriesOf(Coverage);
        OrderedOffices = InOfficeOrder(Offices);
    }

    /// <summary>
    /// The view of <paramref name="snapshot"/> at <paramref name="instant"/>, given <paramref name="before"/>, a view
    /// in which every record the <paramref name="changes"/> do not name had the version it has now: the changed
    /// records are put in, and what derives from them (children of their old and new parents, roots, the sorted
    /// lists of their kind) worked out again; the rest is shared with <paramref name="before"/>. Equal to a view
    /// built from scratch; costs the change, not a pass over every record (the units' table and the children lists are
    /// shared with <paramref name="before"/>'s: <see cref="OverlayMap{TValue}"/>).
    /// </summary>
    internal static DirectoryView Patched(DirectoryView before, DirectorySnapshot snapshot, DateTime instant, ContentChanges changes)
    {
        var offices = changes.Touches("office") ? snapshot.Offices.AllAt(instant).ToDictionary(o => o.Id, StringComparer.Ordinal) : before.Offices;
        var coverage = changes.Touches("coverage")
            ? snapshot.Coverage.AllAt(instant).ToDictionary(c => c.Country, StringComparer.OrdinalIgnoreCase) : before.Coverage;
        var (units, children, roots) = changes.Touches("unit")
            ? PatchedTree(before, snapshot, instant, changes.Ids("unit"), changes.Fresh<UnitRecord>("unit"))
            : (before.Units, before.Children, before.Roots);
        return new DirectoryView(snapshot, instant, offices, units,
            changes.Touches("mailbox") ? MailboxesOf(snapshot, instant) : before.Mailboxes,
            changes.Touches("focal_point") ? [.. snapshot.FocalPoints.AllAt(instant).OrderBy(f => f.Id, StringComparer.Ordinal)] : before.FocalPoints,
            changes.Touches("committee") ? [.. snapshot.Committees.AllAt(instant).OrderBy(c => c.Id, StringComparer.Ordinal)] : before.Committees,
            changes.Touches("office_function") ? snapshot.OfficeFunctions.AllAt(instant).ToLookup(f => f.OfficeId, StringComparer.Ordinal) : before.Functions,
            coverage, children, roots,
            changes.Touches("coverage") ? CoveredCountriesOf(coverage) : before.CoveredCountries,
            changes.Touches("office") ? InOfficeOrder(offices) : before.OrderedOffices);
    }

    private DirectoryView(DirectorySnapshot snapshot, DateTime instant, IReadOnlyDictionary<string, OfficeRecord> offices,
        IReadOnlyDictionary<string, UnitRecord> units, IReadOnlyList<MailboxRecord> mailboxes, IReadOnlyList<FocalPointRecord> focalPoints,
        IReadOnlyList<CommitteeRecord> committees, ILookup<string, OfficeFunctionRecord> functions, IReadOnlyDictionary<string, CoverageRecord> coverage,
        IReadOnlyDictionary<string, IReadOnlyList<UnitRecord>> children, IReadOnlyList<UnitRecord> roots,
        IReadOnlyDictionary<string, IReadOnlyList<string>> coveredCountries, IReadOnlyList<OfficeRecord> orderedOffices)
    {
        Snapshot = snapshot;
        Instant = instant;
        Offices = offices;
        Units = units;
        Mailboxes = mailboxes;
        FocalPoints = focalPoints;
        Committees = committees;
        Functions = functions;
        Coverage = coverage;
        Children = children;
        Roots = roots;
        CoveredCountries = coveredCountries;
        OrderedOffices = orderedOffices;
    }

    /// <summary>
    /// The units' table with the changed units' versions at <paramref name="instant"/> put in (a unit keeps its place,
    /// a new one comes last, as in the snapshot's order), and the children lists and roots that can differ: the
    /// changed units' own, their old and new parents', and the units whose parent appeared or went.
    /// </summary>
    private static (IReadOnlyDictionary<string, UnitRecord>, IReadOnlyDictionary<string, IReadOnlyList<UnitRecord>>, IReadOnlyList<UnitRecord>)
        PatchedTree(DirectoryView before, DirectorySnapshot snapshot, DateTime instant, IReadOnlySet<string> changed, IReadOnlyList<UnitRecord> fresh)
    {
        // In the order the store gave them (the snapshot's table order for records new to it).
        var now = fresh.Select(u => u.Id).Distinct(StringComparer.Ordinal).Concat(changed).Distinct(StringComparer.Ordinal)
            .Select(id => (Id: id, Unit: snapshot.Units.At(id, instant))).ToList();
        // Shared with the view before, bar the changed units (a view built whole is copied once, at its first patch).
        var units = Shared(before.Units).With(now.Where(c => c.Unit is null).Select(c => c.Id),
            now.Where(c => c.Unit is not null).Select(c => KeyValuePair.Create(c.Id, c.Unit!)));

        // Parents whose children may differ: the changed units themselves (they may have appeared or gone), and their old and new parents.
        var parents = new HashSet<string>(changed, StringComparer.Ordinal);
        foreach (var id in changed)
        {
            if (before.Units.GetValueOrDefault(id)?.ParentId is { } oldParent) parents.Add(oldParent);
            if (units.GetValueOrDefault(id)?.ParentId is { } newParent) parents.Add(newParent);
        }
        var lists = new List<KeyValuePair<string, IReadOnlyList<UnitRecord>>>();
        foreach (var parent in parents)
        {
            // An unchanged unit under this parent was under it before: in its children, or a root if the parent was missing.
            var under = before.ChildrenOf(parent).Concat(before.Roots.Where(r => r.ParentId == parent)).Where(u => !changed.Contains(u.Id))
                .Concat(now.Where(c => c.Unit?.ParentId == parent).Select(c => c.Unit!));
            lists.Add(KeyValuePair.Create(parent, (IReadOnlyList<UnitRecord>)(units.ContainsKey(parent) ? InTreeOrder(under) : [])));
        }
        var children = Shared(before.Children).With(lists.Where(l => l.Value.Count == 0).Select(l => l.Key), lists.Where(l => l.Value.Count > 0));
        // Roots: the unchanged ones still without a parent in the view, the changed ones that have none, and the
        // unchanged children of a unit that left.
        var roots = before.Roots.Where(r => !changed.Contains(r.Id) && IsRoot(r, units))
            .Concat(now.Where(c => c.Unit is not null && IsRoot(c.Unit, units)).Select(c => c.Unit!))
            .Concat(changed.Where(id => !units.ContainsKey(id)).SelectMany(before.ChildrenOf).Where(u => !changed.Contains(u.Id)));
        return (units, children, InTreeOrder(roots.DistinctBy(u => u.Id)));
    }

    /// <summary>The map as one <see cref="OverlayMap{TValue}.With"/> can change without copying it.</summary>
    private static OverlayMap<TValue> Shared<TValue>(IReadOnlyDictionary<string, TValue> map) => map as OverlayMap<TValue> ?? new OverlayMap<TValue>(map);

    private static bool IsRoot(UnitRecord unit, IReadOnlyDictionary<string, UnitRecord> units) => unit.ParentId is null || !units.ContainsKey(unit.ParentId);

    /// <summary>The order of children and roots: by English name, then by id (so that equal names keep one order).</summary>
    private static List<UnitRecord> InTreeOrder(IEnumerable<UnitRecord> units) =>
        [.. units.OrderBy(u => u.Name.En, StringComparer.Ordinal).ThenBy(u => u.Id, StringComparer.Ordinal)];

    private static List<MailboxRecord> MailboxesOf(DirectorySnapshot snapshot, DateTime instant) =>
        [.. snapshot.Mailboxes.AllAt(instant).OrderBy(m => m.Address, StringComparer.OrdinalIgnoreCase).ThenBy(m => m.Id, StringComparer.Ordinal)];

    private static Dictionary<string, IReadOnlyList<string>> CoveredCountriesOf(IReadOnlyDictionary<string, CoverageRecord> coverage) =>
        coverage.Values
            .SelectMany(c => new[] { (Office: c.RegionalOfficeId, c.Country), (Office: c.SubRegionalOfficeId, c.Country) })
            .Where(p => p.Office is not null)
            .GroupBy(p => p.Office!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(p => p.Country).Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);

    private static List<OfficeRecord> InOfficeOrder(IReadOnlyDictionary<string, OfficeRecord> offices) =>
        [.. offices.Values.OrderBy(o => o.Type).ThenBy(o => o.Name.En, StringComparer.Ordinal).ThenBy(o => o.Id, StringComparer.Ordinal)];

    public DirectorySnapshot Snapshot { get; }

    /// <summary>The start of the period this view covers.</summary>
    public DateTime Instant { get; }

    public IReadOnlyDictionary<string, OfficeRecord> Offices { get; }
    public IReadOnlyList<OfficeRecord> OrderedOffices { get; }
    public IReadOnlyDictionary<string, UnitRecord> Units { get; }
    public IReadOnlyList<UnitRecord> Roots { get; }
    public IReadOnlyDictionary<string, IReadOnlyList<UnitRecord>> Children { get; }
    public IReadOnlyList<MailboxRecord> Mailboxes { get; }
    public IReadOnlyList<FocalPointRecord> FocalPoints { get; }
    public IReadOnlyList<CommitteeRecord> Committees { get; }
    public ILookup<string, OfficeFunctionRecord> Functions { get; }
    public IReadOnlyDictionary<string, CoverageRecord> Coverage { get; }
    public IReadOnlyDictionary<string, IReadOnlyList<string>> CoveredCountries { get; }

    /// <summary>The view's search index, built on first use unless one was given (<see cref="UseSearch"/>).</summary>
    public SearchIndex Search => Volatile.Read(ref _search) ?? BuildSearch();

    /// <summary>Builds the search index once.</summary>
    private SearchIndex BuildSearch()
    {
        lock (_searchBuild)
        {
            // Today's index is given at load (Routing.RoutingIndexCache.Warm); another period's is built on demand within the process-wide bound.
            if (_search is null)
                Volatile.Write(ref _search, Snapshot.IsToday(this)
                    ? new SearchIndex(this, new UnitWords(this))
                    : ViewLimits.Build(() => new SearchIndex(this, new UnitWords(this))));
            return _search;
        }
    }

    /// <summary>
    /// Takes the search index built for this view from an earlier view's (<see cref="SearchIndex.Next"/>), unless one
    /// is built already; the one in force.
    /// </summary>
    public SearchIndex UseSearch(SearchIndex index)
    {
        if (!ReferenceEquals(index.View, this)) throw new ArgumentException("The index answers for another view.", nameof(index));
        lock (_searchBuild)
        {
            if (_search is null) Volatile.Write(ref _search, index);
            return _search;
        }
    }

    /// <summary>The search index if it is built, else null (nothing is built).</summary>
    public SearchIndex? BuiltSearch => Volatile.Read(ref _search);

    /// <summary>Replaces the search index by one that answers alike (a merged base: <see cref="Routing.TodayIndexMerge"/>).</summary>
    internal void SwapSearch(SearchIndex index)
    {
        if (!ReferenceEquals(index.View, this)) throw new ArgumentException("The index answers for another view.", nameof(index));
        lock (_searchBuild) Volatile.Write(ref _search, index);
    }

    /// <summary>Who can be reached in this view, and how (built on first use).</summary>
    public Reachability Reach => LazyInitializer.EnsureInitialized(ref _reach, () => new Reachability(this));

    public IReadOnlyList<UnitRecord> ChildrenOf(string unitId) => Children.GetValueOrDefault(unitId) ?? NoUnits;

    /// <summary>The regional office covering an office's country (an RO covers itself).</summary>
    public string? RegionalOfficeOf(OfficeRecord office) =>
        office.Type == OfficeType.RegionalOffice ? office.Id : Coverage.GetValueOrDefault(office.Country)?.RegionalOfficeId;

    /// <summary>Ancestors of a unit from the root down to the unit itself.</summary>
    public IReadOnlyList<UnitRecord> PathTo(UnitRecord unit)
    {
        var path = new List<UnitRecord>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var current = unit; current is not null && seen.Add(current.Id);
             current = current.ParentId is null ? null : Units.GetValueOrDefault(current.ParentId))
            path.Add(current);
        path.Reverse();
        return path;
    }
}
