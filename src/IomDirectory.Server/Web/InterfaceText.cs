using System.Text.Json;
using IomDirectory.Server.Domain;
using IomDirectory.Server.Seeding;

namespace IomDirectory.Server.Web;

/// <summary>
/// The web page's interface text (data/web/interface.json): every key in English, French and Spanish, with
/// <c>{name}</c> placeholders. A missing file, a key without one of the three languages or bad JSON stops start-up,
/// like bad seed data.
/// </summary>
public sealed class InterfaceText
{
    public const string File = "web/interface.json";
    private readonly Dictionary<string, LocalizedText> _text;

    private InterfaceText(Dictionary<string, LocalizedText> text) => _text = text;

    public IReadOnlyCollection<string> Keys => _text.Keys;

    public static InterfaceText Load(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, File);
        if (!System.IO.File.Exists(path)) throw new DataLoadException([new DataError(File, "-", "file is missing")]);
        var errors = new List<DataError>();
        var text = new Dictionary<string, LocalizedText>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(System.IO.File.ReadAllText(path));
            foreach (var entry in document.RootElement.GetProperty("text").EnumerateObject())
            {
                string Get(string language) => entry.Value.TryGetProperty(language, out var v) ? v.GetString() ?? "" : "";
                var value = new LocalizedText(Get("en"), Get("fr"), Get("es"));
                foreach (var language in Snapshots.ReadContext.Languages.Where(l => value.LanguageOf(l) != l))
                    errors.Add(new DataError(File, entry.Name, $"no \"{language}\" text"));
                text[entry.Name] = value;
            }
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new DataLoadException([new DataError(File, "-", "not valid interface text: " + ex.Message)]);
        }
        if (errors.Count > 0) throw new DataLoadException(errors);
        return new InterfaceText(text);
    }

    /// <summary>The text of <paramref name="key"/> in <paramref name="language"/>, placeholders filled.</summary>
    public string Get(string key, string language, params (string Name, string Value)[] values)
    {
        var text = _text.TryGetValue(key, out var found) ? found.In(language) : key;
        foreach (var (name, value) in values)
            text = text.Replace("{" + name + "}", value, StringComparison.Ordinal);
        return text;
    }
}
