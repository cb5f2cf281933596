using System.Text.Json.Nodes;

namespace IomDirectory.Bench.Scale;

/// <summary>
/// Text taken from the real data/ (unit, office and committee names, descriptions, responsibilities), per
/// language, that the synthetic org is built from: realistic vocabulary and accents, no lorem ipsum.
/// data/ has Spanish names but no Spanish descriptions, so descriptions are French or English.
/// </summary>
public sealed class WordPools
{
    public static readonly string[] Languages = ["en", "fr", "es"];

    private readonly Dictionary<string, List<string>> _phrases = Languages.ToDictionary(l => l, _ => new List<string>());
    private readonly Dictionary<string, List<string>> _sentences = Languages.ToDictionary(l => l, _ => new List<string>());

    public static WordPools Read(string dataDirectory)
    {
        var pools = new WordPools();
        var files = Directory.GetFiles(Path.Combine(dataDirectory, "units"), "*.json")
            .Concat(new[] { "offices.json", "committees.json", "office-functions.json", "focal-points.json" }.Select(f => Path.Combine(dataDirectory, f)));
        foreach (var file in files)
        foreach (var record in JsonNode.Parse(File.ReadAllText(file))!.AsObject().Single().Value!.AsArray())
            pools.Take(record!.AsObject());
        foreach (var language in Languages)
            if (pools._phrases[language].Count == 0 || (language != "es" && pools._sentences[language].Count == 0))
                throw new InvalidOperationException($"data/ gives no {language} text to build the synthetic org from");
        return pools;
    }

    public IReadOnlyList<string> Phrases(string language) => _phrases[language];

    public IReadOnlyList<string> Sentences(string language) => _sentences[language];

    private void Take(JsonObject record)
    {
        foreach (var (language, text) in Localized(record["name"]).Concat(Localized(record["role_title"])).Concat(Localized(record["subregion"])))
            _phrases[language].Add(text);
        if (record["responsibilities"] is JsonObject lists)
            foreach (var (language, items) in lists)
                if (_phrases.ContainsKey(language))
                    _phrases[language].AddRange(items!.AsArray().Select(i => i!.GetValue<string>()).Where(p => p.Length is > 3 and < 80));
        foreach (var (language, text) in Localized(record["description"]).Concat(Localized(record["composition"])))
            _sentences[language].AddRange(text.Split(['.', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(s => s.Length is > 25 and < 300).Select(s => s + "."));
    }

    private static IEnumerable<(string Language, string Text)> Localized(JsonNode? node) =>
        node is JsonObject o
            ? o.Where(p => p.Value is JsonValue && Languages.Contains(p.Key)).Select(p => (p.Key, p.Value!.GetValue<string>()))
            : [];
}
