namespace IomDirectory.Server.Routing.Internal;

/// <summary>
/// Place names below the country (data/gazetteer/places.tsv: GeoNames populated places and ISO 3166-2 subdivisions),
/// keyed like <see cref="PlaceNames"/> by their content words folded. A name found in several countries goes to the
/// one that dominates (<see cref="GazetteerPolicy"/>) and is dropped when none does ("Central", "San José").
/// Loaded once with the lexicon and shared by every routing index.
/// </summary>
public sealed class Gazetteer
{
    /// <summary>A place: its name as the data writes it, its country, and whether it is also a common word (then it
    /// counts only when written as a place: capitalised inside a sentence, or after a place preposition).</summary>
    public sealed record Place(string Name, string Country, bool Word);

    private readonly Dictionary<string, Place> _places;

    private Gazetteer(Dictionary<string, Place> places)
    {
        _places = places;
        FirstWords = places.Keys.Select(k => k.Split(' ')[0]).ToHashSet(StringComparer.Ordinal);
        MaxWords = places.Count == 0 ? 0 : places.Keys.Max(k => k.Count(c => c == ' ') + 1);
    }

    public static readonly Gazetteer Empty = new([]);

    public int Count => _places.Count;
    public IReadOnlySet<string> FirstWords { get; }
    public int MaxWords { get; }

    public Place? this[string key] => _places.GetValueOrDefault(key);

    /// <summary>
    /// Reads the file: lines "name, country, kind, population, word" (tab-separated, '#' comments). A subdivision weighs
    /// <see cref="GazetteerPolicy.SubdivisionWeight"/>, a populated place its population; per key the heaviest wins if
    /// it outweighs every other country's by <see cref="GazetteerPolicy.Dominance"/>, else the key is ambiguous and left out.
    /// A malformed line stops start-up naming the file and the line, like bad seed data; an unknown country is skipped.
    /// </summary>
    public static Gazetteer Load(string path, GazetteerPolicy policy, Func<string, string> keyOf, Func<string, bool> knownCountry)
    {
        var best = new Dictionary<string, (Place Place, double Weight, double Rival)>(40_000, StringComparer.Ordinal);
        var countries = new Dictionary<string, string>(StringComparer.Ordinal);   // one string per country code, not per line
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Length == 0 || line[0] == '#') continue;
            var f = line.Split('\t');
            if (f.Length < 5 || f[2] is not ("c" or "s") || !double.TryParse(f[3], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var population))
                throw new Seeding.DataLoadException([new Seeding.DataError(LexiconLoader.GazetteerFile, $"line {number}", "expected: name, country, kind (c or s), population, word")]);
            if (!countries.TryGetValue(f[1], out var country))
            {
                if (!knownCountry(f[1])) continue;
                countries[f[1]] = country = f[1];
            }
            var key = keyOf(f[0]);
            if (key.Length < policy.MinLength) continue;
            var weight = f[2] == "s" ? policy.SubdivisionWeight : population;
            var place = new Place(f[0], country, f[4] == "1" || key.Length < 4);
            if (!best.TryGetValue(key, out var seen)) { best[key] = (place, weight, 0); continue; }
            var sameCountry = string.Equals(seen.Place.Country, place.Country, StringComparison.Ordinal);
            var word = seen.Place.Word || place.Word;
            if (weight > seen.Weight)
                best[key] = (place with { Word = word }, weight, sameCountry ? seen.Rival : Math.Max(seen.Rival, seen.Weight));
            else
                best[key] = (seen.Place with { Word = word }, seen.Weight, sameCountry ? seen.Rival : Math.Max(seen.Rival, weight));
        }
        var places = new Dictionary<string, Place>(best.Count, StringComparer.Ordinal);
        foreach (var (key, (place, weight, rival)) in best)
            if (rival * policy.Dominance <= weight) places[key] = place;
        return new Gazetteer(places);
    }
}

/// <summary>How the gazetteer resolves names (data/lexicon/places.json, "gazetteer").</summary>
public sealed record GazetteerPolicy(double SubdivisionWeight, double Dominance, int MinLength)
{
    public static readonly GazetteerPolicy Default = new(100_000, 2, 3);
}
