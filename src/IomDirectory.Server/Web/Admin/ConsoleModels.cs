using IomDirectory.Server.Domain;
using IomDirectory.Server.Features.Feedback;
using IomDirectory.Server.Features.History;
using IomDirectory.Server.Snapshots;
namespace IomDirectory.Server.Web.Admin;

/// <summary>The console's front page: a search (hits as records) and the org chart as a tree.</summary>
public sealed record ConsoleHomeModel(string Query, IReadOnlyList<VersionedRecord>? Hits, int Pending, DirectoryView View, string FormToken);

/// <summary>
/// A record's edit page: the form (values as typed, or as stored), the failures by field, the preview of old → new
/// when asked for, a conflict with the change that won, and the record's history.
/// </summary>
public sealed record ConsoleEditModel(
    ConsoleRecordKind Kind,
    VersionedRecord Record,
    long ExpectedVersion,
    IReadOnlyDictionary<string, string> Values,
    ConsoleWrite Write,
    IReadOnlyDictionary<string, string> Errors,
    IReadOnlyList<ConsoleChange>? Preview,
    ConsoleConflict? Conflict,
    string Notice,
    Suggestion? Suggestion,
    IReadOnlyList<HistoryEntry> History,
    DirectoryView View,
    string FormToken);

/// <summary>A new record's form: the values as typed (or pre-filled), the failures by field, and the preview of what the record will hold.</summary>
public sealed record ConsoleNewModel(
    ConsoleRecordKind Kind,
    IReadOnlyDictionary<string, string> Values,
    ConsoleWrite Write,
    IReadOnlyDictionary<string, string> Errors,
    IReadOnlyList<ConsoleChange>? Preview,
    string FormToken);

/// <summary>What every write form carries besides its fields: the effective date ("" now), the reason and the source.</summary>
public sealed record ConsoleWrite(string Effective, string Reason, string Source)
{
    public static readonly ConsoleWrite Empty = new("", "", "");

    public static ConsoleWrite From(IFormCollection form) => new(form["effective"].ToString(), form["reason"].ToString(), form["source"].ToString());
}

public sealed record ConsoleChange(string Field, string Old, string New);

/// <summary>Someone saved first: the version they wrote, who, when, why and what they changed.</summary>
public sealed record ConsoleConflict(long Expected, long Current, IReadOnlyList<HistoryEntry> Since);

public sealed record ConsoleQueueModel(PendingCorrections Pending, IReadOnlyDictionary<string, string> Errors, string Notice, string FormToken);

public sealed record ConsoleReportModel(FeedbackReport Report);

/// <summary>A page rendered with another status than 200 (a form sent back with its errors, a refusal).</summary>
public sealed record PageStatus(object Model, int Status);

/// <summary>The import page: the document as sent, the write context, the outcome of its dry run or of applying it, the failures by field.</summary>
public sealed record ConsoleImportModel(string Document, ConsoleWrite Write, Features.Admin.Interchange.ImportOutcome? Outcome,
    IReadOnlyDictionary<string, string> Errors, string FormToken);
