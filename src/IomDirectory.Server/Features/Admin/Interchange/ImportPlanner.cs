using FluentValidation;
using FluentValidation.Results;
using IomDirectory.Server.Domain;
using IomDirectory.Server.Seeding;
using IomDirectory.Server.Snapshots;
using IomDirectory.Server.Changes;

namespace IomDirectory.Server.Features.Admin.Interchange;

/// <summary>
/// Reads an interchange document, checks it as start-up checks data/ (with references resolving against the
/// document and the directory together), and works out what applying it would create and update. Any problem
/// stops the import with every problem and its path ("units[3].parent"); nothing is planned then.
/// </summary>
public sealed class ImportPlanner
{
    /// <summary>The most problems of a document one answer lists (the rest are counted).</summary>
    public const int MaxReportedErrors = 100;

    private readonly List<DataError> _errors = [];
    private readonly List<(ImportedChange Change, Func<WriteSession, CancellationToken, Task> Apply)> _steps = [];

    private ImportPlanner(DataSet data, DirectorySnapshot snapshot, DateTime effective) =>
        (Data, Snapshot, Effective) = (data, snapshot, effective);

    public DataSet Data { get; }
    public DirectorySnapshot Snapshot { get; }
    public DateTime Effective { get; }
    public int Unchanged { get; set; }

    public IReadOnlyList<ImportedChange> Changes => _steps.Select(s => s.Change).ToList();

    /// <summary>The plan for <paramref name="content"/>; throws <see cref="ValidationException"/> listing every problem.</summary>
    public static ImportPlanner Plan(ReadOnlyMemory<byte> content, DirectorySnapshot snapshot, DateTime effective)
    {
        var readErrors = new List<DataError>();
        var data = DataSetReader.ReadDocument(content, readErrors);
        data.Countries.AddRange(snapshot.Countries.All);
        var planner = new ImportPlanner(data, snapshot, effective);
        planner._errors.AddRange(readErrors);
        planner._errors.AddRange(DataSetValidator.Validate(data, planner.Known()));
        planner._errors.AddRange(ImportFieldLimits.Check(data));
        if (planner._errors.Count == 0)
        {
            planner.PlanSources();
            foreach (var area in InterchangeAreas.All) area.Plan(planner);
        }
        if (planner._errors.Count > 0)
            throw new ValidationException(planner._errors.Take(MaxReportedErrors).Select(e => new ValidationFailure(e.Path, Describe(e)))
                .Concat(planner._errors.Count > MaxReportedErrors
                    ? [new ValidationFailure("content", $"{planner._errors.Count} problems in all; only the first {MaxReportedErrors} are reported")]
                    : []));
        return planner;
    }

    public async Task ApplyAsync(WriteSession session, CancellationToken cancellationToken)
    {
        foreach (var (_, apply) in _steps)
            await apply(session, cancellationToken);
    }

    public void Add(ImportedChange change, Func<WriteSession, CancellationToken, Task> apply) => _steps.Add((change, apply));

    public void Error(string location, string id, string field, string message) => _errors.Add(new DataError(location, id, message, field));

    /// <summary>The kind of the directory record, of another area, that already has this id.</summary>
    public string? HeldByAnotherKind(IInterchangeArea area, string id) =>
        InterchangeAreas.All.FirstOrDefault(a => a != area && a.Holds(Snapshot, id))?.Kind;

    /// <summary>
    /// A source new to the directory is added; one it has must say the same, since every version citing it
    /// relies on what it says.
    /// </summary>
    private void PlanSources()
    {
        foreach (var (location, given) in Data.Sources)
        {
            if (Snapshot.Source(given.Id) is not { } held)
            {
                Add(new ImportedChange("source", given.Id, ImportedChange.Create, [], []), (session, _) =>
                {
                    session.Db.Sources.Add(given);
                    session.Audit("import.create", "source", given.Id, null, given);
                    return Task.CompletedTask;
                });
            }
            else if ((held.Title, held.Language, held.Date, held.DateBasis) != (given.Title, given.Language, given.Date, given.DateBasis))
            {
                Error(location, given.Id, "id", $"source '{given.Id}' differs from the directory's; an import adds sources but never changes one");
            }
        }
    }

    private KnownRecords Known()
    {
        var offices = Data.Offices.Select(o => o.Record.Id).ToHashSet(StringComparer.Ordinal);
        var units = Data.Units.Select(u => u.Record.Id).ToHashSet(StringComparer.Ordinal);
        var coverage = Data.Coverage.Select(c => c.Record.Id).ToHashSet(StringComparer.Ordinal);
        return new KnownRecords(
            Snapshot.Sources.Keys.ToHashSet(StringComparer.Ordinal),
            Snapshot.Offices.AllAt(Effective).Select(o => o.Id).ToHashSet(StringComparer.Ordinal),
            Snapshot.Units.AllAt(Effective).Select(u => u.Id).ToHashSet(StringComparer.Ordinal),
            Outside(Snapshot.Offices, offices),
            Outside(Snapshot.Units, units),
            Outside(Snapshot.Coverage, coverage));
    }

    /// <summary>The directory's versions of the records the document does not hold.</summary>
    private static List<Sourced<T>> Outside<T>(Temporal<T> records, HashSet<string> inDocument) where T : VersionedRecord =>
        records.AllVersions.Where(r => !inDocument.Contains(r.Id)).Select(r => new Sourced<T>(KnownRecords.Location, 0, r)).ToList();

    private static string Describe(DataError e) => e.RecordId is "-" or "(no id)" ? e.Message : $"{e.Message} (id '{e.RecordId}')";
}
