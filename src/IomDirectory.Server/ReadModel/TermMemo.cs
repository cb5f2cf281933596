namespace IomDirectory.Server.ReadModel;

/// <summary>
/// Splits a text into raw words (letters, digits and combining marks) and gives each raw word's terms (strings, or
/// numbers of strings), computing them once per distinct raw word. Index builds read every name and description of
/// the org chart, whose vocabulary is far smaller than its text; folding (a Unicode normalization) and stemming
/// then run once per word of the vocabulary, and a word already seen costs one lookup by span, without allocating.
/// </summary>
/// <remarks>
/// Folding a text word by word gives the same tokens as folding it whole (<see cref="TextNormalizer.Fold"/> treats
/// each character on its own, and every character between raw words folds to a separator). After
/// <see cref="Freeze"/> the memo is only read, so concurrent readers may share it.
/// </remarks>
public sealed class TermMemo<T>
{
    private readonly Func<string, T[]> _termsOf;
    private readonly Dictionary<string, T[]> _memo = new(StringComparer.Ordinal);
    private readonly Dictionary<string, T[]>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private Dictionary<string, T[]>? _texts = new(StringComparer.Ordinal);

    /// <param name="termsOf">The terms of one raw word (possibly none, possibly several).</param>
    public TermMemo(Func<string, T[]> termsOf)
    {
        _termsOf = termsOf;
        _bySpan = _memo.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Appends the terms of every raw word of <paramref name="text"/>, in order, repeats included.</summary>
    public void AddTerms(string text, List<T> terms)
    {
        if (_texts is null)
        {
            AddWordTerms(text, terms);
            return;
        }
        if (!_texts.TryGetValue(text, out var known))
        {
            var first = terms.Count;
            AddWordTerms(text, terms);
            _texts[text] = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(terms)[first..].ToArray();
            return;
        }
        terms.AddRange((ReadOnlySpan<T>)known);
    }

    /// <summary>
    /// Stops remembering: from now on the memo may be shared by concurrent readers, and only answers for the words
    /// it has seen (the texts it was built from); other words have no terms.
    /// </summary>
    public void Freeze() => _texts = null;

    private void AddWordTerms(string text, List<T> terms)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isWordChar = i < text.Length && TextNormalizer.IsWordChar(text[i]);
            if (isWordChar && start < 0) start = i;
            else if (!isWordChar && start >= 0)
            {
                terms.AddRange((ReadOnlySpan<T>)TermsOf(text.AsSpan(start, i - start)));
                start = -1;
            }
        }
    }

    private T[] TermsOf(ReadOnlySpan<char> raw)
    {
        if (_bySpan.TryGetValue(raw, out var terms)) return terms;
        if (_texts is null) return [];
        var word = raw.ToString();
        return _memo[word] = _termsOf(word);
    }
}
