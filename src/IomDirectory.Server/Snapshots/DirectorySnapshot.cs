using IomDirectory.Server.Domain;

namespace IomDirectory.Server.Snapshots;

/// <summary>
/// The whole directory, every version of every record, held in memory and immutable. A view of the org chart
/// as of any instant is derived per period between two version boundaries. Today's view is built once and kept, so
/// the usual read is a reference read; views of other periods are built on demand, a bounded number at a time, and
/// only the few most recently used are kept (<see cref="ViewLimits"/>): every period kept forever would let a sweep
/// of <c>as_of</c> instants fill memory. A change to the store produces a new snapshot (see <see cref="DirectorySnapshotProvider"/>).
/// </summary>
public sealed class DirectorySnapshot
{
    private readonly DateTime[] _boundaries;
    private readonly Dictionary<DateTime, int> _boundaryCounts;   // how many versions start or end at each boundary
    private readonly Lock _todayBuild = new();
    private readonly RecentViews _recent = new(ViewLimits.HistoricalViews);
    private readonly int _todayPeriod;
    private DirectoryView? _today;

    public DirectorySnapshot(DirectoryContent content)
        : this(content, content.Sources.ToDictionary(s => s.Id, StringComparer.Ordinal), new CountryLookup(content.Countries),
            new Temporal<OfficeRecord>(content.Offices), new Temporal<OfficeFunctionRecord>(content.OfficeFunctions),
            new Temporal<CoverageRecord>(content.Coverage), new Temporal<UnitRecord>(content.Units), new Temporal<MailboxRecord>(content.Mailboxes),
            new Temporal<FocalPointRecord>(content.FocalPoints), new Temporal<CommitteeRecord>(content.Committees), boundaryCounts: null)
    {
    }

    private DirectorySnapshot(DirectoryContent content, IReadOnlyDictionary<string, SourceDocument> sources, CountryLookup countries,
        Temporal<OfficeRecord> offices, Temporal<OfficeFunctionRecord> officeFunctions, Temporal<CoverageRecord> coverage, Temporal<UnitRecord> units,
        Temporal<MailboxRecord> mailboxes, Temporal<FocalPointRecord> focalPoints, Temporal<CommitteeRecord> committees,
        Dictionary<DateTime, int>? boundaryCounts)
    {
        Sources = sources;
        Countries = countries;
        Offices = offices;
        OfficeFunctions = officeFunctions;
        Coverage = coverage;
        Units = units;
        Mailboxes = mailboxes;
        FocalPoints = focalPoints;
        Committees = committees;
        _boundaryCounts = boundaryCounts ?? Counted(Offices.Boundaries().Concat(OfficeFunctions.Boundaries()).Concat(Coverage.Boundaries())
            .Concat(Units.Boundaries()).Concat(Mailboxes.Boundaries()).Concat(FocalPoints.Boundaries()).Concat(Committees.Boundaries()));
        _boundaries = [.. _boundaryCounts.Keys.Order()];
        Generation = content.Generation;
        Sequence = content.Sequence;
        Content = content;
        _todayPeriod = Period(DateTime.UtcNow);
    }

    /// <summary>
    /// The snapshot of <paramref name="content"/>, which is this one's with the records <paramref name="changes"/>
    /// names read again: only those records' histories are replaced (the other kinds' tables are shared), and today's
    /// view is this one's with the changed records patched in (<see cref="DirectoryView.Patched"/>) when no unchanged
    /// record changes version between the two snapshots' todays. Equal to <c>new DirectorySnapshot(content)</c>.
    /// </summary>
    public DirectorySnapshot With(DirectoryContent content, ContentChanges changes)
    {
        var counts = new Dictionary<DateTime, int>(_boundaryCounts);
        var changedCounts = new Dictionary<DateTime, int>();
        Temporal<T> Changed<T>(Temporal<T> table, string kind) where T : VersionedRecord
        {
            if (!changes.Touches(kind)) return table;
            var ids = changes.Ids(kind);
            foreach (var id in ids)
            foreach (var date in TemporalTree.Boundaries(table.History(id)))
                if (--counts[date] == 0) counts.Remove(date);
            var fresh = changes.Fresh<T>(kind);
            foreach (var date in TemporalTree.Boundaries(fresh))
            {
                counts[date] = counts.GetValueOrDefault(date) + 1;
                changedCounts[date] = changedCounts.GetValueOrDefault(date) + 1;
            }
            return table.With(ids, fresh);
        }
        var next = new DirectorySnapshot(content,
            changes.Touches("source") ? content.Sources.ToDictionary(s => s.Id, StringComparer.Ordinal) : Sources,
            changes.Touches("country") ? new CountryLookup(content.Countries) : Countries,
            Changed(Offices, "office"), Changed(OfficeFunctions, "office_function"), Changed(Coverage, "coverage"), Changed(Units, "unit"),
            Changed(Mailboxes, "mailbox"), Changed(FocalPoints, "focal_point"), Changed(Committees, "committee"), counts);
        if (Volatile.Read(ref _today) is { } today && !changes.Touches("country") && next.SameVersionsAsOf(today.Instant, changedCounts))
        {
            next._today = DirectoryView.Patched(today, next, next.PeriodStart(next._todayPeriod), changes);
            next.TodayWasPatched = true;
        }
        return next;
    }

    /// <summary>Increases with every change to the store; lets caches built on a snapshot know they are stale.</summary>
    public long Generation { get; }

    /// <summary>The audit sequence of the last committed change this snapshot shows.</summary>
    public long Sequence { get; }

    /// <summary>What the snapshot was built from: the next one is this with the changed records read again.</summary>
    public DirectoryContent Content { get; }

    public IReadOnlyDictionary<string, SourceDocument> Sources { get; }
    public CountryLookup Countries { get; }
    public Temporal<OfficeRecord> Offices { get; }
    public Temporal<OfficeFunctionRecord> OfficeFunctions { get; }
    public Temporal<CoverageRecord> Coverage { get; }
    public Temporal<UnitRecord> Units { get; }
    public Temporal<MailboxRecord> Mailboxes { get; }
    public Temporal<FocalPointRecord> FocalPoints { get; }
    public Temporal<CommitteeRecord> Committees { get; }

    /// <summary>The earliest date any version of any record starts or ends at; null when every record is open-ended.</summary>
    public DateTime? EarliestBoundary => _boundaries.Length > 0 ? _boundaries[0] : null;

    /// <summary>The org chart as it stands at <paramref name="instant"/>.</summary>
    public DirectoryView At(DateTime instant)
    {
        var period = Period(instant);
        if (period == _todayPeriod)
            return Volatile.Read(ref _today) ?? Today();
        return _recent.Get(period) ?? _recent.Keep(period, ViewLimits.Build(() => _recent.Get(period) ?? new DirectoryView(this, PeriodStart(period))));
    }

    /// <summary>
    /// Whether today's view is the previous snapshot's with the changes patched in (<see cref="With"/>): every record the
    /// changes do not name has the version it had there, so what was derived from that view can be updated for the
    /// changed records only.
    /// </summary>
    public bool TodayWasPatched { get; private set; }

    /// <summary>The view of the period that was current when this snapshot was made (built on first use).</summary>
    public DirectoryView TodayView => Volatile.Read(ref _today) ?? Today();

    /// <summary>The views other than today's this snapshot keeps now (at most <see cref="ViewLimits.HistoricalViews"/>).</summary>
    public int KeptHistoricalViews => _recent.Count;

    /// <summary>Whether <paramref name="view"/> is this snapshot's view of the period that was current when it was loaded.</summary>
    public bool IsToday(DirectoryView view) => ReferenceEquals(view, Volatile.Read(ref _today));

    private DirectoryView Today()
    {
        lock (_todayBuild)
        {
            if (_today is null) Volatile.Write(ref _today, new DirectoryView(this, PeriodStart(_todayPeriod)));
            return _today;
        }
    }

    public SourceDocument? Source(string id) => Sources.GetValueOrDefault(id);

    /// <summary>
    /// Whether every record <paramref name="changedCounts"/> does not count (by its boundaries) has the same version in
    /// force at <paramref name="instant"/> as in today's period: no such record starts or ends a version between them.
    /// </summary>
    private bool SameVersionsAsOf(DateTime instant, Dictionary<DateTime, int> changedCounts)
    {
        var today = PeriodStart(_todayPeriod);
        var (from, to) = instant <= today ? (instant, today) : (today, instant);
        for (var i = Period(from); i < _boundaries.Length && _boundaries[i] <= to; i++)
            if (_boundaryCounts[_boundaries[i]] > changedCounts.GetValueOrDefault(_boundaries[i])) return false;
        return true;
    }

    private static Dictionary<DateTime, int> Counted(IEnumerable<DateTime> dates)
    {
        var counts = new Dictionary<DateTime, int>();
        foreach (var date in dates) counts[date] = counts.GetValueOrDefault(date) + 1;
        return counts;
    }

    /// <summary>Index of the period containing the instant: the number of boundaries at or before it.</summary>
    private int Period(DateTime instant)
    {
        var index = Array.BinarySearch(_boundaries, instant);
        return index >= 0 ? index + 1 : ~index;
    }

    private DateTime PeriodStart(int period) => period == 0 ? DateTime.MinValue : _boundaries[period - 1];
}
