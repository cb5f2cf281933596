using IomDirectory.Server.Domain;
using IomDirectory.Server.Text;

namespace IomDirectory.Server.Snapshots;

/// <summary>Finds a country by ISO code or by its name in English, French or Spanish, accents optional.</summary>
public sealed class CountryLookup
{
    private readonly Dictionary<string, Country> _byCode;
    private readonly Dictionary<string, Country> _byName = new(StringComparer.Ordinal);

    public CountryLookup(IEnumerable<Country> countries)
    {
        _byCode = countries.ToDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);
        foreach (var country in _byCode.Values)
        foreach (var name in country.Name.All())
        {
            _byName.TryAdd(Key(name), country);
            var bare = Key(StripQualifier(name));
            if (bare.Length > 0) _byName.TryAdd(bare, country);
        }
    }

    public IEnumerable<Country> All => _byCode.Values;

    public Country? ByCode(string code) => _byCode.GetValueOrDefault(code);

    /// <summary>An ISO alpha-2 code (any case) or a name; null when nothing matches.</summary>
    public Country? Find(string codeOrName)
    {
        var text = codeOrName.Trim();
        if (text.Length == 2 && _byCode.TryGetValue(text, out var byCode))
            return byCode;
        return _byName.GetValueOrDefault(Key(text)) ?? _byName.GetValueOrDefault(Key(StripQualifier(text)));
    }

    private static string Key(string name) => TextNormalizer.Fold(name).Replace(" ", "", StringComparison.Ordinal);

    /// <summary>"Kosovo (UNSCR 1244)" → "Kosovo"; "Bolivia (Plurinational State of)" → "Bolivia".</summary>
    private static string StripQualifier(string name)
    {
        var open = name.IndexOf('(');
        return open > 0 ? name[..open] : name;
    }
}
