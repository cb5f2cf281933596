using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IomDirectory.Bench.Scale;

/// <summary>
/// Writes a synthetic org chart in the data/ format (data/README.md) for the normal start-up path to load: the
/// real data/ (so the routing lexicon's unit and office ids still resolve) plus a synthetic unit tree bringing
/// the total to the asked size, 6–7 levels deep, with EN/FR/ES names, descriptions and responsibilities composed
/// from the real data's text; synthetic mailboxes up to the asked total, spread over the synthetic units; focal
/// points per regional office and synthetic department.
/// </summary>
public sealed class OrgGenerator(WordPools pools, int seed = 20241001)
{
    public const string Source = "synthetic-org.txt";
    private const int Depth = 6;
    private const int UnitsPerFile = 10_000;
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Random _random = new(seed);

    /// <param name="Units">The synthetic units (the real ones come on top: <paramref name="TotalUnits"/>).</param>
    public sealed record Generated(string Folder, IReadOnlyList<SyntheticUnit> Units, int TotalUnits, int Mailboxes);

    public Generated Write(string folder, int unitCount, int mailboxCount)
    {
        foreach (var file in Directory.EnumerateFiles(RealData, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder, Path.GetRelativePath(RealData, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
        WriteSources(folder);
        var realUnits = Directory.GetFiles(Path.Combine(RealData, "units"), "*.json").Sum(f => Records(f).Count);
        var realMailboxes = Records(Path.Combine(RealData, "mailboxes.json"));
        var realFocalPoints = Records(Path.Combine(RealData, "focal-points.json"));

        var units = BuildTree(Math.Max(1, unitCount - realUnits));
        for (var chunk = 0; chunk * UnitsPerFile < units.Count; chunk++)
            WriteArea(Path.Combine(folder, "units", $"synthetic-{chunk:00}.json"), "units",
                units.Skip(chunk * UnitsPerFile).Take(UnitsPerFile), (w, u) => u.Write(w));
        WriteArea(Path.Combine(folder, "mailboxes.json"), "mailboxes", Enumerable.Range(1, Math.Max(0, mailboxCount - realMailboxes.Count)),
            (w, i) => WriteMailbox(w, i, units), realMailboxes);
        var regionalOffices = JsonNode.Parse(File.ReadAllText(Path.Combine(RealData, "offices.json")))!["offices"]!.AsArray()
            .Where(o => (string?)o!["type"] == "regional_office").Select(o => (string)o!["id"]!).ToList();
        var departments = units.Where(u => u.Depth == 1).ToList();
        WriteArea(Path.Combine(folder, "focal-points.json"), "focal_points",
            regionalOffices.SelectMany(o => departments.Select(d => (Office: o, Unit: d))), WriteFocalPoint, realFocalPoints);
        return new Generated(folder, units, realUnits + units.Count, mailboxCount);
    }

    private static string RealData => BenchPaths.Data;

    /// <summary>Level sizes grow geometrically (1, b, b², …) so the tree is <see cref="Depth"/> levels below the root.</summary>
    private List<SyntheticUnit> BuildTree(int count)
    {
        var branching = Math.Pow(count, 1.0 / Depth);
        var units = new List<SyntheticUnit>(count);
        var previousLevel = new List<SyntheticUnit>();
        for (var depth = 0; depth <= Depth && units.Count < count; depth++)
        {
            var size = depth == Depth ? count - units.Count : Math.Min(count - units.Count, (int)Math.Round(Math.Pow(branching, depth)));
            var level = new List<SyntheticUnit>(size);
            for (var i = 0; i < size; i++)
            {
                var parent = previousLevel.Count == 0 ? null : previousLevel[i % previousLevel.Count];
                level.Add(SyntheticUnit.Create($"u-{units.Count + level.Count + 1:000000}", depth, parent?.Id, pools, _random));
            }
            units.AddRange(level);
            previousLevel = level;
        }
        return units;
    }

    private void WriteMailbox(Utf8JsonWriter w, int i, IReadOnlyList<SyntheticUnit> units)
    {
        var owner = units[_random.Next(units.Count)];
        w.WriteString("id", $"mb-{i:000000}");
        w.WriteString("address", $"{(owner.Acronym ?? "contact").ToLowerInvariant()}-{i}@iom.int");
        w.WriteString("owner", owner.Id);
        w.WriteStartObject("purpose");
        w.WriteString("en", $"Contact: {owner.Name["en"]}");
        if (_random.NextDouble() < 0.5) w.WriteString("fr", $"Contact : {owner.Name["fr"]}");
        w.WriteEndObject();
        WriteVersions(w, "2024-10-01");
    }

    private void WriteFocalPoint(Utf8JsonWriter w, (string Office, SyntheticUnit Unit) p)
    {
        w.WriteString("id", $"fp-{p.Office}-{p.Unit.Id}");
        w.WriteString("office", p.Office);
        w.WriteString("unit", p.Unit.Id);
        w.WriteStartObject("role_title");
        w.WriteString("en", $"{p.Unit.Acronym ?? p.Unit.Name["en"]} Regional Thematic Specialist");
        w.WriteString("fr", $"Spécialiste thématique régional(e) – {p.Unit.Name["fr"]}");
        w.WriteEndObject();
        w.WriteStartObject("description");
        w.WriteString("fr", pools.Sentences("fr")[_random.Next(pools.Sentences("fr").Count)]);
        w.WriteEndObject();
        WriteVersions(w, "2024-10-01");
    }

    internal static void WriteVersions(Utf8JsonWriter w, string? validFrom)
    {
        w.WriteStartArray("versions");
        w.WriteStartObject();
        if (validFrom is not null) w.WriteString("valid_from", validFrom);
        w.WriteString("source", Source);
        w.WriteEndObject();
        w.WriteEndArray();
    }

    private static JsonArray Records(string file) => JsonNode.Parse(File.ReadAllText(file))!.AsObject().Single().Value!.AsArray();

    private static void WriteArea<T>(string path, string area, IEnumerable<T> records, Action<Utf8JsonWriter, T> write, JsonArray? existing = null)
    {
        using var stream = File.Create(path);
        using var w = new Utf8JsonWriter(stream, Compact);
        w.WriteStartObject();
        w.WriteStartArray(area);
        foreach (var record in existing ?? [])
            record!.WriteTo(w);
        foreach (var record in records)
        {
            w.WriteStartObject();
            write(w, record);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteSources(string folder)
    {
        var sources = JsonNode.Parse(File.ReadAllText(Path.Combine(RealData, "sources.json")))!;
        sources["sources"]!.AsArray().Add(new JsonObject
        {
            ["id"] = Source,
            ["title"] = "Synthetic org chart generated by the scale benchmark from the vocabulary of data/",
            ["language"] = "en",
            ["date"] = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["date_basis"] = "Generation date.",
        });
        File.WriteAllText(Path.Combine(folder, "sources.json"), sources.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }
}
