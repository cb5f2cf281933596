namespace IomDirectory.Server.Routing;

/// <summary>One topic staff ask about: its terms per language and who answers for it (see data/lexicon/topics.json).</summary>
public sealed record Concept(
    string Id,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Terms,
    IReadOnlyList<string> Units,
    IReadOnlyList<string> AlsoUnits,
    IReadOnlyList<string> Offices,
    IReadOnlyList<string> OfficeTypes,
    string? Tag,
    double Weight,
    bool Exact)
{
    public const string RegionalOfficeTag = "regional_office";
    public const string ResourceMobilizationTag = "resource_mobilization";
    public const string CoordinationTag = "coordination";
    public const string OfficeCueTag = "office_cue";
    /// <summary>A question about the DHRR Regional Thematic Specialist: the asker's (or the named country's) comes first.</summary>
    public const string RegionalSpecialistTag = "regional_specialist";
    /// <summary>A need the directory does not answer (data/lexicon/out-of-scope.json): personal, general knowledge, another organization's internal business.</summary>
    public const string OutOfScopeTag = "out_of_scope";
    public static readonly string[] Tags = [RegionalOfficeTag, ResourceMobilizationTag, CoordinationTag, OfficeCueTag, RegionalSpecialistTag, OutOfScopeTag];

    /// <summary>The concept's name in a language: its first term there, else its first English term.</summary>
    public string Label(string language) =>
        Terms.GetValueOrDefault(language) is { Count: > 0 } terms ? terms[0] : Terms.Values.First(t => t.Count > 0)[0];
}

/// <summary>Policy of the routing rules (data/lexicon/routing.json).</summary>
public sealed record RoutingRules(
    IReadOnlyList<string> EmergencyUnits,
    IReadOnlyList<string> ResourceMobilizationOfficeTypes,
    IReadOnlyList<string> FallbackUnits,
    IReadOnlyList<string> FallbackOffices,
    double RelativeCut = 0);

/// <summary>
/// The reviewable configuration of routing, loaded from data/lexicon/ at start-up: concepts, stop words per
/// language, reason templates, nationality adjectives and the routing rules.
/// </summary>
public sealed record Lexicon(
    IReadOnlyList<Concept> Concepts,
    IReadOnlyDictionary<string, IReadOnlySet<string>> Stopwords,
    IReadOnlySet<string> GenericWords,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Phrases,
    IReadOnlyDictionary<string, string> Demonyms,
    RoutingRules Rules,
    PlaceLexicon Places)
{
    public static readonly string[] Languages = ["en", "fr", "es"];

    /// <summary>How messages are read (data/lexicon/message.json).</summary>
    public Internal.MessageLexicon Message { get; init; } = Internal.MessageLexicon.Empty;

    /// <summary>Acronyms and their expansions (data/lexicon/glossary.json).</summary>
    public Glossary Glossary { get; init; } = Glossary.Empty;

    /// <summary>Place names below the country (data/gazetteer/places.tsv).</summary>
    public Internal.Gazetteer Gazetteer { get; init; } = Internal.Gazetteer.Empty;

    /// <summary>A reason in <paramref name="language"/> with its {placeholders} filled.</summary>
    public string Phrase(string key, string language, params (string Name, string Value)[] values)
    {
        var templates = Phrases[key];
        var text = templates.GetValueOrDefault(language) ?? templates["en"];
        foreach (var (name, value) in values)
            text = text.Replace("{" + name + "}", value, StringComparison.Ordinal);
        return text;
    }

    /// <summary>A word no language gives a topic to: a function word of any language or a generic word.</summary>
    public bool IsStopword(string folded) => _allStopwords.Contains(folded);

    private readonly HashSet<string> _allStopwords =
        Stopwords.Values.SelectMany(s => s).Concat(GenericWords).ToHashSet(StringComparer.Ordinal);
}
