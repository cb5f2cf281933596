namespace IomDirectory.Server.Domain;

/// <summary>A text in the directory's three languages; a language no source gives is empty.</summary>
public sealed record LocalizedText(string En, string Fr, string Es)
{
    public static readonly LocalizedText Empty = new("", "", "");

    public bool IsEmpty => En.Length == 0 && Fr.Length == 0 && Es.Length == 0;

    /// <summary>The text in <paramref name="language"/>, else English, else French, else Spanish.</summary>
    public string In(string language) => Get(language) is { Length: > 0 } preferred ? preferred : Fallback;

    /// <summary>The language <see cref="In"/> answers in for <paramref name="language"/> (no language, or another, means English).</summary>
    public string LanguageOf(string language) =>
        Get(language).Length > 0 ? (language is "fr" or "es" ? language : "en") : En.Length > 0 ? "en" : Fr.Length > 0 ? "fr" : Es.Length > 0 ? "es" : "";

    public IEnumerable<string> All() => new[] { En, Fr, Es }.Where(t => t.Length > 0);

    private string Fallback => En.Length > 0 ? En : Fr.Length > 0 ? Fr : Es;

    private string Get(string language) => language switch
    {
        "fr" => Fr,
        "es" => Es,
        _ => En,
    };
}
