namespace IomDirectory.Server.Routing;

/// <summary>
/// Guesses whether a question is English, French or Spanish from its function words, its accents and
/// punctuation ("¿", "ñ" → Spanish; "ç", "è", "ê" → French) and the lexicon terms only one language uses.
/// A hint from the caller wins; with no evidence the answer is English.
/// </summary>
public sealed class LanguageDetector(Lexicon lexicon, IReadOnlyDictionary<string, string> termLanguageByWord)
{
    public string Detect(string text, IReadOnlyList<Word> words, string hint)
    {
        if (hint is "en" or "fr" or "es") return hint;
        double en = 0, fr = 0, es = 0;
        foreach (var word in words)
        {
            if (lexicon.Stopwords["en"].Contains(word.Folded)) en += 1;
            if (lexicon.Stopwords["fr"].Contains(word.Folded)) fr += 1;
            if (lexicon.Stopwords["es"].Contains(word.Folded)) es += 1;
            switch (termLanguageByWord.GetValueOrDefault(word.Folded))
            {
                case "en": en += 0.5; break;
                case "fr": fr += 0.5; break;
                case "es": es += 0.5; break;
            }
        }
        foreach (var c in text)
        {
            switch (char.ToLowerInvariant(c))
            {
                case '¿' or '¡' or 'ñ': es += 2; break;
                case 'á' or 'í' or 'ó' or 'ú': es += 1; break;
                case 'ç' or 'è' or 'ê' or 'à' or 'â' or 'î' or 'ô' or 'û' or 'ë' or 'ï' or 'œ' or 'ù': fr += 1; break;
                case 'é': fr += 0.5; es += 0.3; break;
                case '\'' or '’': fr += 0.2; break;
            }
        }
        if (fr > en && fr >= es) return "fr";
        if (es > en && es > fr) return "es";
        return "en";
    }
}
