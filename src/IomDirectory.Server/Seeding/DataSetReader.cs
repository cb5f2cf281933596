using System.Text.Json;
using IomDirectory.Server.Domain;

namespace IomDirectory.Server.Seeding;

/// <summary>
/// Reads data/ (see data/README.md) into a <see cref="DataSet"/>. Every malformed file or record is reported,
/// then <see cref="DataSetValidator"/> checks the references across files.
/// </summary>
public static class DataSetReader
{
    private static readonly JsonDocumentOptions JsonOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static DataSet Read(string dataDirectory)
    {
        if (!Directory.Exists(dataDirectory))
            throw new DataLoadException([new DataError(dataDirectory, "-", "the data folder does not exist")]);

        var errors = new List<DataError>();
        var data = new DataSet();
        ReadSources(dataDirectory, data, errors);
        data.Countries.AddRange(CountryFile.Read(Path.Combine(dataDirectory, "countries.csv"), errors));

        ReadArea(dataDirectory, "offices.json", "offices", errors, data.Offices, RecordMappers.Office);
        ReadArea(dataDirectory, "office-functions.json", "functions", errors, data.OfficeFunctions, RecordMappers.OfficeFunction);
        ReadArea(dataDirectory, "coverage.json", "coverage", errors, data.Coverage, RecordMappers.Coverage);
        var unitsFolder = Path.Combine(dataDirectory, "units");
        string[] unitFiles = Directory.Exists(unitsFolder) ? [.. Directory.GetFiles(unitsFolder, "*.json").Order(StringComparer.Ordinal)] : [];
        foreach (var file in unitFiles)
            ReadArea(dataDirectory, Path.GetRelativePath(dataDirectory, file), "units", errors, data.Units, RecordMappers.Unit);
        ReadArea(dataDirectory, "mailboxes.json", "mailboxes", errors, data.Mailboxes, RecordMappers.Mailbox);
        ReadArea(dataDirectory, "focal-points.json", "focal_points", errors, data.FocalPoints, RecordMappers.FocalPoint);
        ReadArea(dataDirectory, "committees.json", "committees", errors, data.Committees, RecordMappers.Committee);

        errors.AddRange(DataSetValidator.Validate(data));
        if (errors.Count > 0)
            throw new DataLoadException(errors);
        return data;
    }

    private static void ReadSources(string dataDirectory, DataSet data, List<DataError> errors)
    {
        foreach (var (file, element) in Elements(dataDirectory, "sources.json", "sources", errors))
        {
            var id = element.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() ?? "" : "";
            var fields = new RecordFields(file, id, element.EnumerateObject().ToDictionary(p => p.Name, p => p.Value), errors);
            if (id.Length == 0) fields.Error("'id' is required");
            data.Sources.Add(new SourceDocument
            {
                Id = id,
                Title = fields.OptionalString("title") ?? "",
                Language = fields.OptionalString("language") ?? "",
                Date = fields.Date("date"),
                DateBasis = fields.OptionalString("date_basis") ?? "",
            });
        }
    }

    private static void ReadArea<T>(string dataDirectory, string relativePath, string arrayName, List<DataError> errors,
        List<Sourced<T>> target, Func<RecordFields, T> map) where T : VersionedRecord
    {
        var entry = 0;
        foreach (var (file, element) in Elements(dataDirectory, relativePath, arrayName, errors))
        {
            entry++;
            var id = element.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() ?? "" : "";
            var shared = element.EnumerateObject().Where(p => p.Name is not ("id" or "versions"))
                .ToDictionary(p => p.Name, p => p.Value);
            if (id.Length == 0)
            {
                errors.Add(new DataError(file, "(no id)", "'id' is required"));
                continue;
            }
            if (!element.TryGetProperty("versions", out var versions) || versions.ValueKind != JsonValueKind.Array
                || versions.GetArrayLength() == 0)
            {
                errors.Add(new DataError(file, id, "'versions' must list at least one version"));
                continue;
            }
            foreach (var version in versions.EnumerateArray())
            {
                if (version.ValueKind != JsonValueKind.Object)
                {
                    errors.Add(new DataError(file, id, "each version must be an object"));
                    continue;
                }
                var merged = new Dictionary<string, JsonElement>(shared);
                foreach (var p in version.EnumerateObject()) merged[p.Name] = p.Value;
                var fields = new RecordFields(file, id, merged, errors);
                var record = map(fields);
                record.Id = id;
                record.ValidFrom = fields.Date("valid_from");
                record.ValidTo = fields.Date("valid_to");
                record.Source = fields.RequiredString("source");
                target.Add(new Sourced<T>(file, entry, record));
            }
        }
    }

    private static IEnumerable<(string File, JsonElement Element)> Elements(string dataDirectory, string relativePath,
        string arrayName, List<DataError> errors)
    {
        var path = Path.Combine(dataDirectory, relativePath);
        var file = relativePath.Replace('\\', '/');
        if (!File.Exists(path))
        {
            errors.Add(new DataError(file, "-", "file is missing"));
            return [];
        }
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path), JsonOptions);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty(arrayName, out var array) || array.ValueKind != JsonValueKind.Array)
            {
                errors.Add(new DataError(file, "-", $"expected an object with an array '{arrayName}'"));
                return [];
            }
            return array.EnumerateArray().Select(e => (file, e.Clone())).ToList();
        }
        catch (JsonException ex)
        {
            errors.Add(new DataError(file, "-", $"not valid JSON: {ex.Message}"));
            return [];
        }
    }
}
