using IomDirectory.Server.Domain;

namespace IomDirectory.Server.ReadModel;

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
        Mailboxes = snapshot.Mailboxes.AllAt(instant).OrderBy(m => m.Address, StringComparer.OrdinalIgnoreCase).ToList();
        FocalPoints = snapshot.FocalPoints.AllAt(instant).OrderBy(f => f.Id, StringComparer.Ordinal).ToList();
        Committees = snapshot.Committees.AllAt(instant).OrderBy(c => c.Id, StringComparer.Ordinal).ToList();
        Functions = snapshot.OfficeFunctions.AllAt(instant).ToLookup(f => f.OfficeId, StringComparer.Ordinal);
        Coverage = snapshot.Coverage.AllAt(instant).ToDictionary(c => c.Country, StringComparer.OrdinalIgnoreCase);

        Children = Units.Values.Where(u => u.ParentId is not null && Units.ContainsKey(u.ParentId))
            .GroupBy(u => u.ParentId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<UnitRecord>)g.OrderBy(u => u.Name.En, StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        Roots = Units.Values.Where(u => u.ParentId is null || !Units.ContainsKey(u.ParentId))
            .OrderBy(u => u.Name.En, StringComparer.Ordinal).ToList();
        CoveredCountries = Coverage.Values
            .SelectMany(c => new[] { (Office: c.RegionalOfficeId, c.Country), (Office: c.SubRegionalOfficeId, c.Country) })
            .Where(p => p.Office is not null)
            .GroupBy(p => p.Office!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(p => p.Country).Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        OrderedOffices = Offices.Values.OrderBy(o => o.Type).ThenBy(o => o.Name.En, StringComparer.Ordinal).ToList();
    }

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

    /// <summary>The view's search index, built on first use unless <see cref="BuildSearch"/> built it first.</summary>
    public SearchIndex Search => Volatile.Read(ref _search) ?? BuildSearch(null);

    /// <summary>Builds the search index once, from unit words read for the routing index too if given.</summary>
    public SearchIndex BuildSearch(UnitWords? words)
    {
        lock (_searchBuild)
        {
            // Today's index is built once at load; another period's is built on demand within the process-wide bound.
            if (_search is null)
                Volatile.Write(ref _search, Snapshot.IsToday(this)
                    ? new SearchIndex(this, words ?? new UnitWords(this))
                    : ViewLimits.Build(() => new SearchIndex(this, words ?? new UnitWords(this))));
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
