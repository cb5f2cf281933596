using IomDirectory.Server.Snapshots;
namespace IomDirectory.Server.Routing;

/// <summary>
/// Every place name routing recognizes, keyed by its content words folded (function words dropped, so "l'Europe et
/// de l'Asie centrale" and "Europe and Central Asia" key alike): official country names (data/countries.csv), the
/// aliases, acronyms and cities of places.json, nationality adjectives, IOM's region names and the sub-regions of
/// coordination functions. Built once per index; a question is scanned from the first words of these keys only.
/// </summary>
public sealed class PlaceNames
{
    /// <summary>How a country was named: its name, alias or city (a place the asker speaks of) or a nationality.</summary>
    public enum CountryNaming { Name, Nationality }

    public sealed class Entry
    {
        public string? Country { get; set; }
        public CountryNaming Naming { get; set; }
        public Region? Region { get; set; }
        public string? Subregion { get; set; }
        /// <summary>An acronym ("UK", "EU", "DRC"): matches only when the question writes it in capitals.</summary>
        public bool NeedsCapitals { get; set; }
    }

    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lexicon _lexicon;

    public PlaceNames(DirectoryView view, Lexicon lexicon, IEnumerable<string> subregionNames)
    {
        _lexicon = lexicon;
        var places = lexicon.Places;
        foreach (var country in view.Snapshot.Countries.All)
        foreach (var name in country.Name.All())
        {
            AddCountry(name, country.Code, CountryNaming.Name, minLength: 4);
            var open = name.IndexOf('(');
            if (open > 0) AddCountry(name[..open], country.Code, CountryNaming.Name, minLength: 4);
        }
        foreach (var (name, code) in places.Aliases.Concat(places.Cities)) AddCountry(name, code, CountryNaming.Name, minLength: 4);
        foreach (var (name, code) in places.Acronyms) AddCountry(name, code, CountryNaming.Name, minLength: 2, capitals: true);
        foreach (var (demonym, code) in lexicon.Demonyms) AddCountry(demonym, code, CountryNaming.Nationality, minLength: 4);
        foreach (var region in places.Regions)
        foreach (var name in region.Names.Values.SelectMany(n => n))
            if (Add(name, IsAcronym(name), minLength: 2) is { } entry) entry.Region ??= region;
        foreach (var name in subregionNames)
            if (Add(name, false, minLength: 4) is { } entry) entry.Subregion ??= KeyOf(name);
        FirstWords = _entries.Keys.Select(k => k.Split(' ')[0]).ToHashSet(StringComparer.Ordinal);
        MaxWords = _entries.Count == 0 ? 0 : _entries.Keys.Max(k => k.Count(c => c == ' ') + 1);
    }

    public IReadOnlySet<string> FirstWords { get; }
    public int MaxWords { get; }

    /// <summary>Every word of every place name (for spelling tolerance).</summary>
    public IEnumerable<string> Words => _entries.Keys.SelectMany(k => k.Split(' '));

    public Entry? this[string key] => _entries.GetValueOrDefault(key);

    /// <summary>The key of a name: its content words, folded, joined by single spaces.</summary>
    public string KeyOf(string name) => string.Join(' ', Content(RoutingText.Words(name)).Select(w => w.Folded));

    /// <summary>The words that can carry a place: not a function word, unless written in capitals ("US").</summary>
    public IEnumerable<Word> Content(IEnumerable<Word> words) => words.Where(w => !_lexicon.IsStopword(w.Folded) || w.Capitals);

    private void AddCountry(string name, string code, CountryNaming naming, int minLength, bool capitals = false)
    {
        if (Add(name, capitals, minLength) is not { } entry || entry.Country is not null) return;
        entry.Country = code;
        entry.Naming = naming;
    }

    private Entry? Add(string name, bool capitals, int minLength)
    {
        var key = KeyOf(name);
        if (key.Length < minLength) return null;
        if (!_entries.TryGetValue(key, out var entry)) _entries[key] = entry = new Entry { NeedsCapitals = capitals };
        else if (!capitals) entry.NeedsCapitals = false;
        return entry;
    }

    private static bool IsAcronym(string name) => name.Any(char.IsLetter) && name.Where(char.IsLetter).All(char.IsUpper);
}
