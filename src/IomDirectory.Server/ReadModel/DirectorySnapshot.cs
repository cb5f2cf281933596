using System.Collections.Concurrent;
using IomDirectory.Server.Domain;

namespace IomDirectory.Server.ReadModel;

/// <summary>
/// The whole directory, every version of every record, held in memory and immutable. A view of the org chart
/// as of any instant is derived once per period between two version boundaries and cached, so a read is a
/// dictionary lookup. A change to the store produces a new snapshot (see <see cref="DirectorySnapshotProvider"/>).
/// </summary>
public sealed class DirectorySnapshot
{
    private readonly DateTime[] _boundaries;
    private readonly ConcurrentDictionary<int, DirectoryView> _views = new();

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
    }

    /// <summary>Increases with every change to the store; lets caches built on a snapshot know they are stale.</summary>
    public long Generation { get; }

    public IReadOnlyDictionary<string, SourceDocument> Sources { get; }
    public CountryLookup Countries { get; }
    public Temporal<OfficeRecord> Offices { get; }
    public Temporal<OfficeFunctionRecord> OfficeFunctions { get; }
    public Temporal<CoverageRecord> Coverage { get; }
    public Temporal<UnitRecord> Units { get; }
    public Temporal<MailboxRecord> Mailboxes { get; }
    public Temporal<FocalPointRecord> FocalPoints { get; }
    public Temporal<CommitteeRecord> Committees { get; }

    /// <summary>The org chart as it stands at <paramref name="instant"/>.</summary>
    public DirectoryView At(DateTime instant)
    {
        var period = Period(instant);
        return _views.GetOrAdd(period, static (p, s) => new DirectoryView(s, s.PeriodStart(p)), this);
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
