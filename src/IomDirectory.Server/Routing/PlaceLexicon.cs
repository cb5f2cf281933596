namespace IomDirectory.Server.Routing;

/// <summary>A region name IOM uses; its offices on a date are those covering <see cref="Anchor"/> then.</summary>
public sealed record Region(int Number, string Anchor, IReadOnlyDictionary<string, IReadOnlyList<string>> Names)
{
    /// <summary>The region's name in a language: its first name there, else its first English one.</summary>
    public string Label(string language) =>
        Names.GetValueOrDefault(language) is { Count: > 0 } names ? names[0] : Names.Values.First(n => n.Count > 0)[0];
}

/// <summary>
/// Place names people type, beyond the official country names (data/lexicon/places.json): aliases and short forms,
/// acronyms that count only in capitals, cities that identify a country, and IOM's region names.
/// </summary>
public sealed record PlaceLexicon(
    IReadOnlyList<(string Name, string Country)> Aliases,
    IReadOnlyList<(string Name, string Country)> Acronyms,
    IReadOnlyList<(string Name, string Country)> Cities,
    IReadOnlyList<Region> Regions)
{
    public static readonly PlaceLexicon Empty = new([], [], [], []);
}
