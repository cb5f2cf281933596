using System.Text.Json;
using IomDirectory.Server.Seeding;

namespace IomDirectory.Server.Features.Common;

/// <summary>
/// The earliest date the directory has a record of the organization for: the date its oldest source describes it
/// from (data/records-begin.json, with the basis in the sources), or earlier where a record has a dated version
/// before that (an admin imported older history). A read as of an earlier instant is refused, naming <c>as_of</c>,
/// instead of showing the records that are "since before the sources" as if they were known for any date. Loaded at
/// start-up; a missing or malformed file, or a date after the earliest dated source, stops start-up like bad seed data.
/// </summary>
public static class RecordsBegin
{
    public const string File = "records-begin.json";

    private static DateTime _described = DateTime.MinValue;
    private static DateTime _earliestVersion = DateTime.MaxValue;

    /// <summary>Midnight UTC of the first day with a record; <see cref="DateTime.MinValue"/> until loaded.</summary>
    public static DateTime Date => _described < _earliestVersion ? _described : _earliestVersion.Date;

    /// <summary>Follows the snapshots: a version dated before the sources' date moves the beginning back to it.</summary>
    public static void Observe(Snapshots.DirectorySnapshot snapshot) =>
        _earliestVersion = snapshot.EarliestBoundary ?? DateTime.MaxValue;

    public static string Message =>
        $"the directory has no record of the organization before {Date:yyyy-MM-dd} (its oldest source describes it from then)";

    public static void Load(string dataDirectory, IEnumerable<Domain.SourceDocument> sources)
    {
        var path = Path.Combine(dataDirectory, File);
        if (!System.IO.File.Exists(path)) throw new DataLoadException([new DataError(File, "-", "file is missing")]);
        DateOnly date;
        try
        {
            using var document = JsonDocument.Parse(System.IO.File.ReadAllText(path));
            var text = document.RootElement.GetProperty("records_begin").GetString() ?? "";
            if (!Contracts.AsOfDates.TryParse(text, out date))
                throw new DataLoadException([new DataError(File, "records_begin", $"'{text}' is not a date (YYYY-MM-DD)")]);
            if (document.RootElement.TryGetProperty("basis", out var basis) is false || string.IsNullOrWhiteSpace(basis.GetString()))
                throw new DataLoadException([new DataError(File, "basis", "say which source the date comes from")]);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new DataLoadException([new DataError(File, "-", "not valid: " + ex.Message)]);
        }
        var begin = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        if (sources.Where(s => s.Date is not null).Select(s => s.Date!.Value).DefaultIfEmpty(DateTime.MaxValue).Min() is var dated && begin > dated)
            throw new DataLoadException([new DataError(File, "records_begin", $"after the earliest dated source ({dated:yyyy-MM-dd})")]);
        _described = begin;
    }
}
