using IomDirectory.Server.ReadModel;

namespace IomDirectory.Server.Routing;

/// <summary>A word of a question: folded (lower case, no accents), stemmed, and whether it was written in capitals.</summary>
public readonly record struct Word(string Folded, string Stem, bool Capitals);

/// <summary>
/// Words and stems shared by the routing index and the questions it answers, so both sides fold alike:
/// "Vouchers", "voucher"; "coordination", "coordinates", "coordinación"; "déplacés", "displacement" → one stem each.
/// </summary>
public static class RoutingText
{
    /// <summary>Splits on anything but letters and digits, folds each word, keeps whether it was an all-capitals acronym.</summary>
    public static List<Word> Words(string text)
    {
        var words = new List<Word>();
        foreach (var raw in new RawWords(text)) AddWord(words, raw);
        return words;
    }

    private static void AddWord(List<Word> words, ReadOnlySpan<char> raw)
    {
        var folded = TextNormalizer.Fold(raw.ToString());
        if (folded.Length == 0) return;
        var capitals = raw.Length >= 2 && IsAllUpper(raw);
        foreach (var part in folded.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            words.Add(new Word(part, Stem(part), capitals));
    }

    private static bool IsAllUpper(ReadOnlySpan<char> raw)
    {
        foreach (var c in raw)
            if (char.IsLetter(c) && !char.IsUpper(c)) return false;
        return true;
    }

    /// <summary>
    /// A light stemmer for English, French and Spanish: plurals, then common inflections ("-ing", "-ed", "-ment",
    /// "-tion"/"-ción", "-ité"/"-ity", a final "e"). Not linguistics: the same word family lands on the same stem.
    /// </summary>
    public static string Stem(string word)
    {
        var w = word;
        if (w.Length <= 3) return w;
        if (w.EndsWith("iones", StringComparison.Ordinal)) w = w[..^2];
        else if (w.EndsWith("eaux", StringComparison.Ordinal)) w = w[..^1];
        else if (w.EndsWith("aux", StringComparison.Ordinal) && w.Length > 4) w = w[..^3] + "al";
        else if (w.EndsWith("ies", StringComparison.Ordinal) && w.Length > 4) w = w[..^3] + "y";
        else if (w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal)
                 && !w.EndsWith("is", StringComparison.Ordinal)) w = w[..^1];
        if (w.EndsWith("cion", StringComparison.Ordinal) && w.Length > 6) w = w[..^4] + "t";
        else if (w.EndsWith("tion", StringComparison.Ordinal) && w.Length > 6) w = w[..^3];
        else if (w.EndsWith("ing", StringComparison.Ordinal) && w.Length > 6) w = w[..^3];
        else if (w.EndsWith("ment", StringComparison.Ordinal) && w.Length > 8) w = w[..^4];
        else if (w.EndsWith("ed", StringComparison.Ordinal) && w.Length > 5 && !w.EndsWith("eed", StringComparison.Ordinal)) w = w[..^2];
        if (w.EndsWith("ity", StringComparison.Ordinal) && w.Length > 5) w = w[..^1];
        if (w.EndsWith("idad", StringComparison.Ordinal) && w.Length > 6) w = w[..^4] + "it";
        if (w.EndsWith('e') && w.Length > 4) w = w[..^1];
        return w;
    }
}
