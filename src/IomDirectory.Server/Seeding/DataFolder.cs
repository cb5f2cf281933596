using System.Text.Json;

namespace IomDirectory.Server.Seeding;

/// <summary>The arrays of records of the data/ folder: one file per area, several for the units.</summary>
internal static class DataFolder
{
    private static readonly (string File, string Area)[] Files =
    [
        ("sources.json", DataAreas.Sources),
        ("offices.json", DataAreas.Offices),
        ("office-functions.json", DataAreas.Functions),
        ("coverage.json", DataAreas.Coverage),
        ("units/*.json", DataAreas.Units),
        ("mailboxes.json", DataAreas.Mailboxes),
        ("focal-points.json", DataAreas.FocalPoints),
        ("committees.json", DataAreas.Committees),
    ];

    /// <summary>The areas, one file at a time; a file's elements are valid until the next one is asked for.</summary>
    public static IEnumerable<AreaSource> Areas(string dataDirectory, List<DataError> errors)
    {
        foreach (var (file, area) in Files)
        {
            string[] paths = [file];
            if (file.EndsWith("/*.json", StringComparison.Ordinal))
            {
                var folder = Path.Combine(dataDirectory, file[..file.IndexOf('/', StringComparison.Ordinal)]);
                paths = Directory.Exists(folder)
                    ? [.. Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).Select(p => Path.GetRelativePath(dataDirectory, p))]
                    : [];
            }
            foreach (var path in paths)
            {
                // The records are read straight from the parsed file (no copy per record); it goes back to the pool after.
                using var document = Parse(dataDirectory, path, errors);
                if (document is not null && Records(document, path, area, errors) is { } source)
                    yield return source;
            }
        }
    }

    private static JsonDocument? Parse(string dataDirectory, string relativePath, List<DataError> errors)
    {
        var path = Path.Combine(dataDirectory, relativePath);
        if (!File.Exists(path))
        {
            errors.Add(new DataError(FileName(relativePath), "-", "file is missing"));
            return null;
        }
        try
        {
            return JsonDocument.Parse(File.ReadAllBytes(path), DataSetReader.JsonOptions);
        }
        catch (JsonException ex)
        {
            errors.Add(new DataError(FileName(relativePath), "-", $"not valid JSON: {ex.Message}"));
            return null;
        }
    }

    private static AreaSource? Records(JsonDocument document, string relativePath, string area, List<DataError> errors)
    {
        var file = FileName(relativePath);
        if (document.RootElement.ValueKind != JsonValueKind.Object
            || !document.RootElement.TryGetProperty(area, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new DataError(file, "-", $"expected an object with an array '{area}'"));
            return null;
        }
        return new AreaSource(area, [.. array.EnumerateArray()], _ => file);
    }

    private static string FileName(string relativePath) => relativePath.Replace('\\', '/');
}
