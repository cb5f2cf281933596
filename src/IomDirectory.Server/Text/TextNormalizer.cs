using System.Globalization;
using System.Text;

namespace IomDirectory.Server.Text;

/// <summary>
/// Folds text for matching in English, French and Spanish: lower case, accents removed, ligatures expanded,
/// punctuation to spaces. "Développement" and "developpement" fold to the same token.
/// </summary>
public static class TextNormalizer
{
    public static string Fold(string text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.NonSpacingMark:
                    continue;
                case UnicodeCategory.LowercaseLetter or UnicodeCategory.UppercaseLetter or UnicodeCategory.TitlecaseLetter
                    or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber:
                    AppendLetter(builder, char.ToLowerInvariant(c));
                    break;
                default:
                    if (builder.Length > 0 && builder[^1] != ' ') builder.Append(' ');
                    break;
            }
        }
        return builder.ToString().Trim();
    }

    /// <summary>
    /// A character of a word: a letter, a digit or a combining mark. Everything else separates words, in
    /// <see cref="Fold"/> too, so a text may be folded word by word.
    /// </summary>
    public static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || (c >= '\u0300' && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark);

    public static string[] Tokens(string text) =>
        Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static void AppendLetter(StringBuilder builder, char c)
    {
        switch (c)
        {
            case 'œ': builder.Append("oe"); break;
            case 'æ': builder.Append("ae"); break;
            case 'ß': builder.Append("ss"); break;
            case 'ø': builder.Append('o'); break;
            case 'ł': builder.Append('l'); break;
            case 'đ': builder.Append('d'); break;
            default: builder.Append(c); break;
        }
    }
}
