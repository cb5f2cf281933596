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

    public static IEnumerable<AreaSource> Areas(string dataDirectory, List<DataError> errors)
    {
        foreach (var (file, area) in Files)
        {
            if (!file.EndsWith("/*.json", StringComparison.Ordinal))
            {
                if (Read(dataDirectory, file, area, errors) is { } source) yield return source;
                continue;
            }
            var folder = Path.Combine(dataDirectory, file[..file.IndexOf('/', StringComparison.Ordinal)]);
            string[] files = Directory.Exists(folder) ? [.. Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal)] : [];
            foreach (var path in files)
                if (Read(dataDirectory, Path.GetRelativePath(dataDirectory, path), area, errors) is { } source)
                    yield return source;
        }
    }

    private static AreaSource? Read(string dataDirectory, string relativePath, string area, List<DataError> errors)
    {
        var path = Path.Combine(dataDirectory, relativePath);
        var file = relativePath.Replace('\\', '/');
        if (!File.Exists(path))
        {
            errors.Add(new DataError(file, "-", "file is missing"));
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path), DataSetReader.JsonOptions);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty(area, out var array) || array.ValueKind != JsonValueKind.Array)
            {
                errors.Add(new DataError(file, "-", $"expected an object with an array '{area}'"));
                return null;
            }
            return new AreaSource(area, array.EnumerateArray().Select(e => e.Clone()).ToList(), _ => file);
        }
        catch (JsonException ex)
        {
            errors.Add(new DataError(file, "-", $"not valid JSON: {ex.Message}"));
            return null;
        }
    }
}
