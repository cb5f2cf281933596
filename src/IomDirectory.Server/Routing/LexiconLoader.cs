using System.Text.Json;
using IomDirectory.Server.Domain;
using IomDirectory.Server.Seeding;
using IomDirectory.Server.Snapshots;

namespace IomDirectory.Server.Routing;

/// <summary>
/// Reads data/lexicon/ and checks it against the directory: every unit and office id a concept names must exist
/// in some period of the org chart, every office type must be known, every reason template must exist in English.
/// A bad lexicon stops start-up with the file and entry named, like bad seed data.
/// </summary>
public static class LexiconLoader
{
    public const string Folder = "lexicon";
    private static readonly string[] RequiredPhrases =
        ["topic", "responsibility", "part_of", "rts_first", "escalation", "no_rts", "regional_office", "sub_regional_office",
         "coordination", "resource_mobilization", "office_type", "fallback", "fallback_regional", "weak_match"];

    public static Lexicon Load(string dataDirectory, DirectorySnapshot snapshot)
    {
        var folder = Path.Combine(dataDirectory, Folder);
        var errors = new List<DataError>();
        var concepts = ReadConcepts(folder, "topics.json", errors);
        concepts.AddRange(ReadConcepts(folder, "out-of-scope.json", errors, concepts.Select(c => c.Id)));
        var (stopwords, generic) = ReadStopwords(folder);
        var phrases = ReadPhrases(folder, errors);
        var demonyms = ReadDemonyms(folder, snapshot, errors);
        var rules = ReadRules(folder);
        var places = ReadPlaces(folder, snapshot, errors);
        Validate(concepts, rules, snapshot, errors);
        if (errors.Count > 0) throw new DataLoadException(errors);
        var lexicon = new Lexicon(concepts, stopwords, generic, phrases, demonyms, rules, places)
        {
            Message = ReadMessage(folder),
            Glossary = ReadGlossary(folder),
        };
        return lexicon with { Gazetteer = LoadGazetteer(dataDirectory, lexicon, snapshot) };
    }

    /// <summary>The gazetteer of the data folder (empty when the file is absent), keyed for this lexicon.</summary>
    public static Internal.Gazetteer LoadGazetteer(string dataDirectory, Lexicon lexicon, DirectorySnapshot snapshot)
    {
        var path = Path.Combine(dataDirectory, GazetteerFile);
        if (!File.Exists(path)) return Internal.Gazetteer.Empty;
        var placeNames = new PlaceNamesKey(lexicon);
        return Internal.Gazetteer.Load(path, ReadGazetteerPolicy(Path.Combine(dataDirectory, Folder)), placeNames.KeyOf,
            c => snapshot.Countries.ByCode(c) is not null);
    }

    /// <summary>The gazetteer, relative to the data folder (see data/README.md).</summary>
    public const string GazetteerFile = "gazetteer/places.tsv";

    /// <summary>The key of a place name as <see cref="PlaceNames.KeyOf"/> makes it, before any view exists.</summary>
    private sealed class PlaceNamesKey(Lexicon lexicon)
    {
        public string KeyOf(string name) =>
            string.Join(' ', RoutingText.Words(name).Where(w => !lexicon.IsStopword(w.Folded) || w.Capitals).Select(w => w.Folded));
    }

    private static Internal.MessageLexicon ReadMessage(string folder)
    {
        var root = Read(folder, "message.json");
        Internal.PhraseSet Phrases(string property) => root.TryGetProperty(property, out var list)
            ? new(list.EnumerateArray().Select(p => RoutingText.Words(p.GetString() ?? "").Select(w => w.Folded).ToArray()))
            : Internal.PhraseSet.Empty;
        return new Internal.MessageLexicon(Phrases("greetings"), FoldedSet(root, "courtesy"), Phrases("sign_offs"),
            root.TryGetProperty("signature_max_words", out var max) ? max.GetInt32() : 0, FoldedSet(root, "dates"), Phrases("ask_cues"),
            root.TryGetProperty("ask_weight", out var weight) ? weight.GetDouble() : 1.0, FoldedSet(root, "organization"),
            FoldedSet(root, "asker_cues"), FoldedSet(root, "origin_cues"), FoldedSet(root, "place_prepositions"), FoldedSet(root, "place_kinds"));
    }

    private static Glossary ReadGlossary(string folder)
    {
        var entries = new List<Glossary.Entry>();
        foreach (var entry in Read(folder, "glossary.json").GetProperty("acronyms").EnumerateArray())
        {
            var expansions = Lexicon.Languages.Where(l => entry.TryGetProperty(l, out _))
                .ToDictionary(l => l, l => entry.GetProperty(l).GetString() ?? "", StringComparer.Ordinal);
            var words = expansions.ToDictionary(e => e.Key, e => (IReadOnlyList<Word>)RoutingText.Words(e.Value), StringComparer.Ordinal);
            var languages = Strings(entry, "languages");
            foreach (var acronym in entry.GetProperty("acronym").EnumerateArray().Select(a => a.GetString() ?? ""))
            {
                var folded = RoutingText.Words(acronym).Select(w => w.Folded).ToArray();
                if (folded.Length > 0) entries.Add(new Glossary.Entry(folded, acronym, expansions, words, languages));
            }
        }
        return new Glossary(entries);
    }

    private static Internal.GazetteerPolicy ReadGazetteerPolicy(string folder)
    {
        var root = Read(folder, "places.json");
        if (!root.TryGetProperty("gazetteer", out var policy)) return Internal.GazetteerPolicy.Default;
        var fallback = Internal.GazetteerPolicy.Default;
        return new Internal.GazetteerPolicy(
            policy.TryGetProperty("subdivision_weight", out var weight) ? weight.GetDouble() : fallback.SubdivisionWeight,
            policy.TryGetProperty("dominance", out var dominance) ? dominance.GetDouble() : fallback.Dominance,
            policy.TryGetProperty("min_length", out var min) ? min.GetInt32() : fallback.MinLength);
    }

    private static JsonElement Read(string folder, string file)
    {
        var path = Path.Combine(folder, file);
        if (!File.Exists(path)) throw new DataLoadException([new DataError($"{Folder}/{file}", "-", "file is missing")]);
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            return document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new DataLoadException([new DataError($"{Folder}/{file}", "-", "not valid JSON: " + ex.Message)]);
        }
    }

    private static List<Concept> ReadConcepts(string folder, string file, List<DataError> errors, IEnumerable<string>? takenIds = null)
    {
        var concepts = new List<Concept>();
        var ids = new HashSet<string>(takenIds ?? [], StringComparer.Ordinal);
        foreach (var entry in Read(folder, file).GetProperty("concepts").EnumerateArray())
        {
            var id = entry.TryGetProperty("id", out var idValue) ? idValue.GetString() ?? "" : "";
            if (!ids.Add(id)) errors.Add(new DataError($"{Folder}/{file}", id, "duplicate or missing concept id"));
            var terms = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            if (entry.TryGetProperty("terms", out var termsValue))
                foreach (var language in termsValue.EnumerateObject())
                    terms[language.Name] = language.Value.EnumerateArray().Select(t => t.GetString() ?? "").Where(t => t.Length > 0).ToList();
            if (terms.Values.Sum(t => t.Count) == 0) errors.Add(new DataError($"{Folder}/{file}", id, "concept has no terms"));
            foreach (var language in terms.Keys.Where(l => !Lexicon.Languages.Contains(l)))
                errors.Add(new DataError($"{Folder}/{file}", id, $"unknown language '{language}'"));
            var tag = entry.TryGetProperty("tag", out var tagValue) ? tagValue.GetString() : null;
            if (tag is not null && !Concept.Tags.Contains(tag)) errors.Add(new DataError($"{Folder}/{file}", id, $"unknown tag '{tag}'"));
            concepts.Add(new Concept(id, terms, Strings(entry, "units"), Strings(entry, "also"), Strings(entry, "offices"),
                Strings(entry, "office_types"), tag,
                entry.TryGetProperty("weight", out var weight) ? weight.GetDouble() : 1.0,
                entry.TryGetProperty("exact", out var exact) && exact.GetBoolean()));
        }
        return concepts;
    }

    private static (Dictionary<string, IReadOnlySet<string>>, IReadOnlySet<string>) ReadStopwords(string folder)
    {
        var root = Read(folder, "stopwords.json");
        var perLanguage = Lexicon.Languages.ToDictionary(l => l, l => (IReadOnlySet<string>)FoldedSet(root, l), StringComparer.Ordinal);
        return (perLanguage, FoldedSet(root, "generic"));
    }

    private static HashSet<string> FoldedSet(JsonElement root, string property) =>
        root.TryGetProperty(property, out var list)
            ? list.EnumerateArray().SelectMany(w => RoutingText.Words(w.GetString() ?? "")).Select(w => w.Folded).ToHashSet(StringComparer.Ordinal)
            : [];

    private static Dictionary<string, IReadOnlyDictionary<string, string>> ReadPhrases(string folder, List<DataError> errors)
    {
        var phrases = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var phrase in Read(folder, "phrases.json").EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Object))
            phrases[phrase.Name] = phrase.Value.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal);
        foreach (var key in RequiredPhrases)
            if (!phrases.TryGetValue(key, out var templates) || !templates.ContainsKey("en"))
                errors.Add(new DataError($"{Folder}/phrases.json", key, "reason template is missing (at least in English)"));
        return phrases;
    }

    private static Dictionary<string, string> ReadDemonyms(string folder, DirectorySnapshot snapshot, List<DataError> errors)
    {
        var demonyms = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var country in Read(folder, "demonyms.json").GetProperty("demonyms").EnumerateObject())
        {
            if (snapshot.Countries.ByCode(country.Name) is null)
                errors.Add(new DataError($"{Folder}/demonyms.json", country.Name, "unknown country code"));
            foreach (var word in country.Value.EnumerateArray())
                demonyms.TryAdd(string.Join(' ', RoutingText.Words(word.GetString() ?? "").Select(w => w.Folded)), country.Name);
        }
        return demonyms;
    }

    private static PlaceLexicon ReadPlaces(string folder, DirectorySnapshot snapshot, List<DataError> errors)
    {
        const string file = "places.json";
        var root = Read(folder, file);
        List<(string, string)> ByCountry(string property)
        {
            var names = new List<(string, string)>();
            if (!root.TryGetProperty(property, out var map)) return names;
            foreach (var country in map.EnumerateObject())
            {
                if (snapshot.Countries.ByCode(country.Name) is null)
                    errors.Add(new DataError($"{Folder}/{file}", $"{property}.{country.Name}", "unknown country code"));
                names.AddRange(country.Value.EnumerateArray().Select(n => (n.GetString() ?? "", country.Name)).Where(n => n.Item1.Length > 0));
            }
            return names;
        }
        var regions = new List<Region>();
        if (root.TryGetProperty("regions", out var list))
            foreach (var region in list.EnumerateArray())
            {
                var anchor = region.GetProperty("anchor").GetString() ?? "";
                if (snapshot.Countries.ByCode(anchor) is null)
                    errors.Add(new DataError($"{Folder}/{file}", $"regions[{regions.Count}]", $"unknown anchor country '{anchor}'"));
                var names = region.GetProperty("names").EnumerateObject().ToDictionary(
                    l => l.Name, l => (IReadOnlyList<string>)l.Value.EnumerateArray().Select(n => n.GetString() ?? "").Where(n => n.Length > 0).ToList(),
                    StringComparer.Ordinal);
                regions.Add(new Region(regions.Count, anchor, names));
            }
        return new PlaceLexicon(ByCountry("aliases"), ByCountry("acronyms"), ByCountry("cities"), regions);
    }

    private static RoutingRules ReadRules(string folder)
    {
        var root = Read(folder, "routing.json");
        return new RoutingRules(Strings(root, "emergency_units"), Strings(root, "resource_mobilization_office_types"),
            Strings(root, "fallback_units"), Strings(root, "fallback_offices"),
            root.TryGetProperty("relative_cut", out var cut) ? cut.GetDouble() : 0);
    }

    private static void Validate(List<Concept> concepts, RoutingRules rules, DirectorySnapshot snapshot, List<DataError> errors)
    {
        var unitIds = snapshot.Units.AllVersions.Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
        var officeIds = snapshot.Offices.AllVersions.Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var concept in concepts)
        {
            foreach (var unit in concept.Units.Concat(concept.AlsoUnits).Where(u => !unitIds.Contains(u)))
                errors.Add(new DataError($"{Folder}/topics.json", concept.Id, $"unknown unit '{unit}'"));
            foreach (var office in concept.Offices.Where(o => !officeIds.Contains(o)))
                errors.Add(new DataError($"{Folder}/topics.json", concept.Id, $"unknown office '{office}'"));
            foreach (var type in concept.OfficeTypes.Where(t => OfficeTypeOf(t) is null))
                errors.Add(new DataError($"{Folder}/topics.json", concept.Id, $"unknown office type '{type}'"));
        }
        foreach (var unit in rules.EmergencyUnits.Concat(rules.FallbackUnits).Where(u => !unitIds.Contains(u)))
            errors.Add(new DataError($"{Folder}/routing.json", unit, "unknown unit"));
        foreach (var office in rules.FallbackOffices.Where(o => !officeIds.Contains(o)))
            errors.Add(new DataError($"{Folder}/routing.json", office, "unknown office"));
        foreach (var type in rules.ResourceMobilizationOfficeTypes.Where(t => OfficeTypeOf(t) is null))
            errors.Add(new DataError($"{Folder}/routing.json", type, "unknown office type"));
    }

    /// <summary>"sub_regional_office" → <see cref="OfficeType.SubRegionalOffice"/>.</summary>
    public static OfficeType? OfficeTypeOf(string snakeCase) =>
        Enum.TryParse<OfficeType>(snakeCase.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var type) ? type : null;

    private static List<string> Strings(JsonElement element, string property) =>
        element.TryGetProperty(property, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(v => v.GetString() ?? "").ToList()
            : [];
}
