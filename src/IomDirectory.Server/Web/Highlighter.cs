using IomDirectory.Server.Search;
using IomDirectory.Server.Text;

namespace IomDirectory.Server.Web;

/// <summary>
/// Splits a displayed text into runs, marking the words the search matched: each word is read by the search's own
/// analysis and rule (<see cref="SearchIndex.Matches"/>) against the words the search looked for, its glossary's
/// expansions included, so a page marks what was found and nothing else ("developpement" marks "Développement",
/// "offices" marks "Office").
/// </summary>
public static class Highlighter
{
    public readonly record struct Run(string Text, bool Match);

    public static IReadOnlyList<Run> Runs(string text, IReadOnlyList<string> terms)
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
            if (!SearchIndex.Matches(text[start..i], terms)) continue;
            if (start > plainStart) runs.Add(new Run(text[plainStart..start], false));
            runs.Add(new Run(text[start..i], true));
            plainStart = i;
        }
        if (plainStart < text.Length) runs.Add(new Run(text[plainStart..], false));
        return runs;
    }
}
