using System.Runtime.ExceptionServices;
using System.Text.Json;
using IomDirectory.Server.Domain;
using IomDirectory.Server.Infrastructure;

namespace IomDirectory.Server.Seeding;

/// <summary>
/// Reads the data/ format (see data/README.md) into a <see cref="DataSet"/>: from the data/ folder, or from one
/// interchange document holding every area. Both find their arrays of records (<see cref="AreaSource"/>) and
/// read them here the same way; every malformed record is reported, then <see cref="DataSetValidator"/> checks
/// the references across areas.
/// </summary>
public static class DataSetReader
{
    internal static readonly JsonDocumentOptions JsonOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Reads and validates the data/ folder; throws <see cref="DataLoadException"/> with every problem.</summary>
    /// <remarks>The files are parsed and mapped in parallel (<see cref="OnReaderThreads"/>), then joined in reading
    /// order: records and problems come out as a one-file-at-a-time read would give them.</remarks>
    public static DataSet Read(string dataDirectory)
    {
        if (!Directory.Exists(dataDirectory))
            throw new DataLoadException([new DataError(dataDirectory, "-", "the data folder does not exist")]);

        var files = DataFolder.Files(dataDirectory);
        var parts = new (DataSet Data, List<DataError> Errors)[files.Count];
        var pool = new LoadPool();
        OnReaderThreads(files.Count, i =>
        {
            var part = parts[i] = (new DataSet(), []);
            DataFolder.Read(dataDirectory, files[i].Path, files[i].Area, part.Errors, area => ReadArea(area, part.Data, part.Errors, pool));
        });

        var data = new DataSet();
        var errors = new List<DataError>();
        foreach (var part in parts)
        {
            data.Add(part.Data);
            errors.AddRange(part.Errors);
        }
        data.Countries.AddRange(CountryFile.Read(Path.Combine(dataDirectory, "countries.csv"), errors));

        errors.AddRange(DataSetValidator.Validate(data));
        if (errors.Count > 0)
            throw new DataLoadException(errors);
        return data;
    }

    /// <summary>
    /// Runs <paramref name="read"/> for 0..count-1 on one thread per core, made for this and ended with it. A parsed
    /// file's buffers come from the shared array pool, which keeps the last ones in the thread that returned them:
    /// on the thread pool that was a file's worth (8-16 MB per buffer size) per thread for the life of the process.
    /// </summary>
    private static void OnReaderThreads(int count, Action<int> read)
    {
        var next = -1;
        ExceptionDispatchInfo? failure = null;
        var threads = Enumerable.Range(0, Math.Clamp(Environment.ProcessorCount, 1, Math.Max(1, count))).Select(_ => new Thread(() =>
        {
            try
            {
                for (var i = Interlocked.Increment(ref next); i < count && failure is null; i = Interlocked.Increment(ref next))
                    read(i);
            }
            catch (Exception ex)
            {
                Interlocked.CompareExchange(ref failure, ExceptionDispatchInfo.Capture(ex), null);
            }
        }) { IsBackground = true, Name = "data/ reader" }).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        failure?.Throw();
    }

    /// <summary>Reads a one-file interchange document; problems go to <paramref name="errors"/>, nothing is validated across records.</summary>
    public static DataSet ReadDocument(ReadOnlyMemory<byte> content, List<DataError> errors)
    {
        var data = new DataSet();
        var pool = new LoadPool();
        foreach (var area in InterchangeDocument.Areas(content, errors))
            ReadArea(area, data, errors, pool);
        return data;
    }

    private static void ReadArea(AreaSource area, DataSet data, List<DataError> errors, LoadPool pool)
    {
        switch (area.Area)
        {
            case DataAreas.Sources: ReadSources(area, data, errors, pool); break;
            case DataAreas.Offices: ReadRecords(area, errors, pool, data.Offices, RecordMappers.Office); break;
            case DataAreas.Functions: ReadRecords(area, errors, pool, data.OfficeFunctions, RecordMappers.OfficeFunction); break;
            case DataAreas.Coverage: ReadRecords(area, errors, pool, data.Coverage, RecordMappers.Coverage); break;
            case DataAreas.Units: ReadRecords(area, errors, pool, data.Units, RecordMappers.Unit); break;
            case DataAreas.Mailboxes: ReadRecords(area, errors, pool, data.Mailboxes, RecordMappers.Mailbox); break;
            case DataAreas.FocalPoints: ReadRecords(area, errors, pool, data.FocalPoints, RecordMappers.FocalPoint); break;
            case DataAreas.Committees: ReadRecords(area, errors, pool, data.Committees, RecordMappers.Committee); break;
            default: throw new ArgumentException($"unknown area '{area.Area}'", nameof(area));
        }
    }

    private static void ReadSources(AreaSource area, DataSet data, List<DataError> errors, LoadPool pool)
    {
        for (var index = 0; index < area.Items.Count; index++)
        {
            var file = area.Location(index);
            if (Record(area.Items[index], file, errors, pool) is not ({ } element, var id)) continue;
            var fields = new RecordFields(file, id, element, null, errors, pool);
            if (id.Length == 0) fields.Error("id", "'id' is required");
            data.Sources.Add(new SourcedDocument(file, new SourceDocument
            {
                Id = id,
                Title = fields.OptionalString("title") ?? "",
                Language = fields.OptionalString("language") ?? "",
                Date = fields.Date("date"),
                DateBasis = fields.OptionalString("date_basis") ?? "",
            }));
        }
    }

    private static void ReadRecords<T>(AreaSource area, List<DataError> errors, LoadPool pool, List<Sourced<T>> target, Func<RecordFields, T> map)
        where T : VersionedRecord
    {
        for (var index = 0; index < area.Items.Count; index++)
        {
            var file = area.Location(index);
            if (Record(area.Items[index], file, errors, pool) is not ({ } element, var id)) continue;
            if (id.Length == 0)
            {
                errors.Add(new DataError(file, "(no id)", "'id' is required", "id"));
                continue;
            }
            if (!element.TryGetProperty("versions", out var versions) || versions.ValueKind != JsonValueKind.Array
                || versions.GetArrayLength() == 0)
            {
                errors.Add(new DataError(file, id, "'versions' must list at least one version", "versions"));
                continue;
            }
            foreach (var version in versions.EnumerateArray())
            {
                if (version.ValueKind != JsonValueKind.Object)
                {
                    errors.Add(new DataError(file, id, "each version must be an object", "versions"));
                    continue;
                }
                var fields = new RecordFields(file, id, element, version, errors, pool);
                var record = map(fields);
                record.Id = id;
                record.ValidFrom = fields.Date("valid_from");
                record.ValidTo = fields.Date("valid_to");
                record.Source = fields.RequiredString("source");
                target.Add(new Sourced<T>(file, index + 1, record));
            }
        }
    }

    /// <summary>The record object and its id ("" when it has none), or null (reported) when it is not an object.</summary>
    private static (JsonElement? Element, string Id) Record(JsonElement element, string file, List<DataError> errors, LoadPool pool)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new DataError(file, "-", "each record must be an object"));
            return (null, "");
        }
        var id = element.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.String ? pool.Text(i) : "";
        return (element, id);
    }
}
