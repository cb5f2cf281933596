using IomDirectory.Server.Features.Admin.Common;
using System.Text.Json;
using System.Text.RegularExpressions;
using IomDirectory.Server.Domain;
using IomDirectory.Server.Seeding;
using IomDirectory.Server.Snapshots;
using IomDirectory.Server.Changes;

namespace IomDirectory.Server.Features.Admin.Interchange;

/// <summary>One area of the interchange document, whatever its record type: what export and import need of it.</summary>
public interface IInterchangeArea
{
    /// <summary>The array the area's records are under ("units").</summary>
    string Area { get; }

    /// <summary>The kind of record, as import reports and audits it ("unit").</summary>
    string Kind { get; }

    bool Holds(DirectorySnapshot snapshot, string id);

    /// <summary>The area's records in force at the instant, by id.</summary>
    IEnumerable<VersionedRecord> InForce(DirectorySnapshot snapshot, DateTime instant);

    void WriteAttributes(Utf8JsonWriter writer, VersionedRecord record);

    /// <summary>Compares the document's records of this area with the directory and adds the steps that bring it in line.</summary>
    void Plan(ImportPlanner planner);
}

/// <summary>An area of records of type <typeparamref name="T"/> and the attributes it exchanges, in the order they are written.</summary>
public sealed class InterchangeArea<T>(
    string area, string kind, string entity, Func<DataSet, List<Sourced<T>>> inDocument, Func<DirectorySnapshot, Temporal<T>> inDirectory,
    params RecordAttribute<T>[] attributes) : IInterchangeArea where T : VersionedRecord
{
    private static readonly Regex IdPattern = new(WriteRules.IdPattern, RegexOptions.CultureInvariant);

    public string Area => area;
    public string Kind => kind;

    public bool Holds(DirectorySnapshot snapshot, string id) => inDirectory(snapshot).History(id).Count > 0;

    public IEnumerable<VersionedRecord> InForce(DirectorySnapshot snapshot, DateTime instant) =>
        inDirectory(snapshot).AllAt(instant).OrderBy(r => r.Id, StringComparer.Ordinal);

    public void WriteAttributes(Utf8JsonWriter writer, VersionedRecord record)
    {
        foreach (var attribute in attributes)
        {
            writer.WritePropertyName(attribute.Name);
            InterchangeJson.WriteValue(writer, attribute.Get((T)record));
        }
    }

    /// <summary>
    /// A record the directory never held is created with its versions as given. A record it holds is compared by its
    /// version in force at the effective date; a changed attribute makes a new version from then on. A document
    /// record with no version in force then only tells the past, which an import does not rewrite.
    /// </summary>
    public void Plan(ImportPlanner planner)
    {
        var directory = inDirectory(planner.Snapshot);
        foreach (var record in inDocument(planner.Data).GroupBy(v => v.Record.Id, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var (id, location) = (record.Key, record.First().File);
            var versions = record.Select(v => v.Record).ToList();
            var given = versions.FirstOrDefault(v => v.IsInForceAt(planner.Effective));
            if (planner.HeldByAnotherKind(this, id) is { } other)
            {
                planner.Error(location, id, "id", $"id '{id}' already belongs to a record of another kind ({other}); ids are unique across all kinds");
                continue;
            }
            if (directory.History(id).Count == 0)
            {
                if (id.Length > WriteRules.IdMaxLength || !IdPattern.IsMatch(id))
                    planner.Error(location, id, "id", "a new id must be lower-case kebab-case (letters, digits, hyphens), at most 100 characters");
                else
                    planner.Add(new ImportedChange(kind, id, ImportedChange.Create, [], []), (session, _) => CreateAsync(session, id, versions, given));
                continue;
            }
            var current = directory.At(id, planner.Effective);
            if (given is null)
            {
                planner.Unchanged++;
                continue;
            }
            if (current is null)
            {
                planner.Error(location, id, "id", $"'{id}' is a retired {kind} (not in force on {planner.Effective:yyyy-MM-dd}); ids are never reused");
                continue;
            }
            var changed = attributes.Where(a => !Equals(a.Get(current), a.Get(given))).ToList();
            if (changed.Count == 0)
                planner.Unchanged++;
            else
                planner.Add(new ImportedChange(kind, id, ImportedChange.Update, changed.ConvertAll(a => a.Name),
                        changed.ConvertAll(a => new ImportedValue(a.Name, InterchangeJson.Text(a.Get(current)), InterchangeJson.Text(a.Get(given))))),
                    (session, ct) => UpdateAsync(session, id, given, ct));
        }
    }

    /// <remarks>
    /// Every version is audited, each as its own event (its validity and source are in the event's after-JSON): a
    /// document can bring history that starts, or ended, long before the import, citing any source document, and the
    /// audit trail must show who brought each of those versions, when and why.
    /// </remarks>
    private Task CreateAsync(WriteSession session, string id, List<T> versions, T? given)
    {
        foreach (var version in versions.OrderBy(v => v.ValidFrom ?? DateTime.MinValue))
        {
            version.RowId = 0;
            version.Version = 1;
            session.Db.Set<T>().Add(version);
            session.Audit("import.create", kind, id, null, version);
        }
        return Task.CompletedTask;
    }

    private async Task UpdateAsync(WriteSession session, string id, T given, CancellationToken ct)
    {
        var (versions, inForce) = await session.ExistingAsync<T>(entity, id, null, ct);
        session.Change("import.update", kind, versions, inForce, target =>
        {
            foreach (var attribute in attributes) attribute.Copy(target, given);
        });
    }
}
