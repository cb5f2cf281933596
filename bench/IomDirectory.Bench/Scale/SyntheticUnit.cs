using System.Text.Json;

namespace IomDirectory.Bench.Scale;

/// <summary>One generated unit: names in EN/FR (and often ES), acronym, description, responsibilities; one record in units/*.json.</summary>
public sealed record SyntheticUnit(string Id, int Depth, string? ParentId, string? Acronym, Dictionary<string, string> Name,
    Dictionary<string, string> Description, Dictionary<string, string[]> Responsibilities, string? FormerName)
{
    public static SyntheticUnit Create(string id, int depth, string? parentId, WordPools pools, Random random)
    {
        var name = new Dictionary<string, string>();
        foreach (var language in WordPools.Languages.Where(l => l != "es" || random.NextDouble() < 0.4))
            name[language] = $"{UnitKinds.Label(depth, language)} – {Pick(pools.Phrases(language), random)}";
        var topic = Pick(pools.Phrases("en"), random);
        var initials = new string(topic.Split(' ', '-').Where(w => w.Length > 3).Select(w => char.ToUpperInvariant(w[0])).Take(4).ToArray());
        var acronym = initials.Length >= 2 && random.NextDouble() < 0.6 ? $"{initials}{random.Next(1, 99)}" : null;
        var descriptionLanguage = random.NextDouble() < 0.7 ? "fr" : "en";
        var description = new Dictionary<string, string>
        {
            [descriptionLanguage] = string.Join(' ', Enumerable.Range(0, random.Next(1, 4)).Select(_ => Pick(pools.Sentences(descriptionLanguage), random))),
        };
        var responsibilities = new Dictionary<string, string[]>
        {
            ["fr"] = Enumerable.Range(0, random.Next(2, 6)).Select(_ => Pick(pools.Phrases("fr"), random)).Distinct().ToArray(),
            ["en"] = [topic, .. Enumerable.Range(0, random.Next(0, 3)).Select(_ => Pick(pools.Phrases("en"), random))],
        };
        var formerName = random.NextDouble() < 0.1 ? $"{UnitKinds.Label(depth, "en")} – {Pick(pools.Phrases("en"), random)}" : null;
        return new SyntheticUnit(id, depth, parentId, acronym, name, description, responsibilities, formerName);
    }

    /// <summary>Writes the record; one unit in ten was renamed in the 2024 restructuring and keeps its old name as history.</summary>
    public void Write(Utf8JsonWriter w)
    {
        w.WriteString("id", Id);
        w.WriteString("kind", UnitKinds.Kind(Depth));
        if (Acronym is null) w.WriteNull("acronym"); else w.WriteString("acronym", Acronym);
        WriteTexts(w, "name", Name);
        if (ParentId is null) w.WriteNull("parent"); else w.WriteString("parent", ParentId);
        WriteTexts(w, "description", Description);
        w.WriteStartObject("responsibilities");
        foreach (var (language, items) in Responsibilities)
        {
            w.WriteStartArray(language);
            foreach (var item in items) w.WriteStringValue(item);
            w.WriteEndArray();
        }
        w.WriteEndObject();
        if (FormerName is null)
        {
            OrgGenerator.WriteVersions(w, null);
            return;
        }
        w.WriteStartArray("versions");
        w.WriteStartObject();
        w.WriteString("valid_to", "2024-10-01");
        w.WriteString("source", OrgGenerator.Source);
        w.WriteStartObject("name");
        w.WriteString("en", FormerName);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartObject();
        w.WriteString("valid_from", "2024-10-01");
        w.WriteString("source", OrgGenerator.Source);
        w.WriteEndObject();
        w.WriteEndArray();
    }

    private static void WriteTexts(Utf8JsonWriter w, string property, Dictionary<string, string> texts)
    {
        w.WriteStartObject(property);
        foreach (var (language, text) in texts) w.WriteString(language, text);
        w.WriteEndObject();
    }

    private static string Pick(IReadOnlyList<string> pool, Random random) => pool[random.Next(pool.Count)];
}
