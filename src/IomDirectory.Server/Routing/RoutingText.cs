using IomDirectory.Server.Text;
namespace IomDirectory.Server.Routing;

/// <summary>A word of a question: folded (lower case, no accents), stemmed, and whether it was written in capitals.</summary>
public readonly record struct Word(string Folded, string Stem, bool Capitals);

/// <summary>
/// A word of a message with where it stands: its offset in the text, whether it starts with a capital letter
/// ("Upper Nile", "Bata"), whether it opens a sentence, and the sentence it belongs to (sentences end at . ! ? ; : and
/// at line breaks). Used to read messages (<see cref="Internal.MessageReader"/>) and places (<see cref="Internal.Gazetteer"/>).
/// </summary>
public readonly record struct Token(Word Word, int Start, bool Initial, bool SentenceStart, int Sentence);

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

    /// <summary>The words of <see cref="Words"/>, with their place in the text (<see cref="Token"/>).</summary>
    public static List<Token> Tokens(string text)
    {
        var tokens = new List<Token>();
        var words = new List<Word>(4);
        var sentence = 0;
        var sentenceStart = true;
        for (var i = 0; i < text.Length;)
        {
            var c = text[i];
            if (!TextNormalizer.IsWordChar(c))
            {
                if (c is '.' or '!' or '?' or ';' or ':' or '\n' or '¿' or '¡' && !(c == '.' && i + 1 < text.Length && char.IsDigit(text[i + 1])))
                {
                    if (!sentenceStart) sentence++;
                    sentenceStart = true;
                }
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length && TextNormalizer.IsWordChar(text[i])) i++;
            words.Clear();
            AddWord(words, text.AsSpan(start, i - start));
            var initial = char.IsUpper(text[start]);
            foreach (var word in words) tokens.Add(new Token(word, start, initial, sentenceStart, sentence));
            if (words.Count > 0) sentenceStart = false;
        }
        return tokens;
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
