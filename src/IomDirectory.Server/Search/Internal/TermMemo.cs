using IomDirectory.Server.Text;
namespace IomDirectory.Server.Search.Internal;

/// <summary>
/// Gives each raw word's terms (strings, or numbers of strings), computing them once per distinct raw word. Index
/// builds read every name and description of the org chart, whose vocabulary is far smaller than its text; folding
/// (a Unicode normalization) and stemming then run once per word of the vocabulary, and a word already seen costs
/// one lookup by span, without allocating.
/// </summary>
/// <remarks>
/// Folding a text word by word gives the same tokens as folding it whole (<see cref="TextNormalizer.Fold"/> treats
/// each character on its own, and every character between raw words folds to a separator).
/// </remarks>
public sealed class TermMemo<T>
{
    private readonly Func<string, T[]> _termsOf;
    private readonly Dictionary<string, T[]> _memo = new(StringComparer.Ordinal);
    private readonly Dictionary<string, T[]>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    /// <param name="termsOf">The terms of one raw word (possibly none, possibly several).</param>
    public TermMemo(Func<string, T[]> termsOf)
    {
        _termsOf = termsOf;
        _bySpan = _memo.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Appends the terms of every raw word of <paramref name="text"/>, in order, repeats included.</summary>
    public void AddTerms(string text, List<T> terms)
    {
        foreach (var raw in new RawWords(text))
        {
            if (!_bySpan.TryGetValue(raw, out var known))
            {
                var word = raw.ToString();
                _memo[word] = known = _termsOf(word);
            }
            terms.AddRange((ReadOnlySpan<T>)known);
        }
    }
}
