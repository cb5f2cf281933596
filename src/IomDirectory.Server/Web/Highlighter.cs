using IomDirectory.Server.Text;
namespace IomDirectory.Server.Web;

/// <summary>
/// Splits a displayed text into runs, marking the words a search matched: a word matches when its folded form
/// (lower case, no accents) equals a folded query word or, for query words of 3+ letters, starts with it — as the
/// search index matches ("developpement" marks "Développement").
/// </summary>
public static class Highlighter
{
    public readonly record struct Run(string Text, bool Match);

    public static string[] Terms(string query) =>
        TextNormalizer.Tokens(query).Where(t => t.Length >= 2).Distinct().Take(32).ToArray();

    public static IReadOnlyList<Run> Runs(string text, string[] terms)
    {
        var runs = new List<Run>();
        if (string.IsNullOrEmpty(text)) return runs;
        var plainStart = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (!TextNormalizer.IsWordChar(text[i])) { i++; continue; }
            var start = i;
            while (i < text.Length && TextNormalizer.IsWordChar(text[i])) i++;
            if (!Matches(TextNormalizer.Fold(text[start..i]), terms)) continue;
            if (start > plainStart) runs.Add(new Run(text[plainStart..start], false));
            runs.Add(new Run(text[start..i], true));
            plainStart = i;
        }
        if (plainStart < text.Length) runs.Add(new Run(text[plainStart..], false));
        return runs;
    }

    private static bool Matches(string word, string[] terms)
    {
        foreach (var term in terms)
            if (word == term || (term.Length >= 3 && word.StartsWith(term, StringComparison.Ordinal))
                || (word.Length >= 3 && term.StartsWith(word, StringComparison.Ordinal) && term.Length - word.Length <= 1))
                return true;
        return false;
    }
}
