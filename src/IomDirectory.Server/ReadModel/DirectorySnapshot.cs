using IomDirectory.Server.Domain;

namespace IomDirectory.Server.ReadModel;

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
    private readonly Lock _todayBuild = new();
    private readonly RecentViews _recent = new(ViewLimits.HistoricalViews);
    private readonly int _todayPeriod;
    private DirectoryView? _today;

    public DirectorySnapshot(DirectoryContent content)
    {
        Sources = content.Sources.ToDictionary(s => s.Id, StringComparer.Ordinal);
        Countries = new CountryLookup(content.Countries);
        Offices = new Temporal<OfficeRecord>(content.Offices);
        OfficeFunctions = new Temporal<OfficeFunctionRecord>(content.OfficeFunctions);
        Coverage = new Temporal<CoverageRecord>(content.Coverage);
        Units = new Temporal<UnitRecord>(content.Units);
        Mailboxes = new Temporal<MailboxRecord>(content.Mailboxes);
        FocalPoints = new Temporal<FocalPointRecord>(content.FocalPoints);
        Committees = new Temporal<CommitteeRecord>(content.Committees);
        _boundaries = Offices.Boundaries().Concat(OfficeFunctions.Boundaries()).Concat(Coverage.Boundaries())
            .Concat(Units.Boundaries()).Concat(Mailboxes.Boundaries()).Concat(FocalPoints.Boundaries())
            .Concat(Committees.Boundaries()).Distinct().Order().ToArray();
        Generation = content.Generation;
        Sequence = content.Sequence;
        Content = content;
        _todayPeriod = Period(DateTime.UtcNow);
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

    /// <summary>Index of the period containing the instant: the number of boundaries at or before it.</summary>
    private int Period(DateTime instant)
    {
        var index = Array.BinarySearch(_boundaries, instant);
        return index >= 0 ? index + 1 : ~index;
    }

    private DateTime PeriodStart(int period) => period == 0 ? DateTime.MinValue : _boundaries[period - 1];
}
