using System.Text.Json;

namespace IomDirectory.Server.Seeding;

/// <summary>The arrays of records of the data/ folder: one file per area, several for the units.</summary>
internal static class DataFolder
{
    private static readonly (string File, string Area)[] Layout =
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

    /// <summary>The files to read, in reading order, each with the area its records belong to.</summary>
    public static IReadOnlyList<(string Path, string Area)> Files(string dataDirectory)
    {
        var files = new List<(string, string)>();
        foreach (var (file, area) in Layout)
        {
            if (!file.EndsWith("/*.json", StringComparison.Ordinal))
            {
                files.Add((file, area));
                continue;
            }
            var folder = Path.Combine(dataDirectory, file[..file.IndexOf('/', StringComparison.Ordinal)]);
            if (Directory.Exists(folder))
                files.AddRange(Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal)
                    .Select(p => (Path.GetRelativePath(dataDirectory, p), area)));
        }
        return files;
    }

    /// <summary>
    /// Parses one file and hands its array of records to <paramref name="read"/>; the elements are read straight
    /// from the parsed file (no copy per record), which goes back to the pool after. Problems go to <paramref name="errors"/>.
    /// </summary>
    public static void Read(string dataDirectory, string relativePath, string area, List<DataError> errors, Action<AreaSource> read)
    {
        using var document = Parse(dataDirectory, relativePath, errors);
        if (document is not null && Records(document, relativePath, area, errors) is { } source)
            read(source);
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
