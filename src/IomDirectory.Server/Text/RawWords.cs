namespace IomDirectory.Server.Text;

/// <summary>
/// The raw words of a text, without allocating: runs of letters, digits and combining marks
/// (<see cref="TextNormalizer.IsWordChar"/>). <c>foreach (var word in new RawWords(text))</c> gives each as a span.
/// </summary>
public ref struct RawWords(ReadOnlySpan<char> text)
{
    private readonly ReadOnlySpan<char> _text = text;
    private int _end;

    public ReadOnlySpan<char> Current { get; private set; }

    public readonly RawWords GetEnumerator() => this;

    public bool MoveNext()
    {
        var start = _end;
        while (start < _text.Length && !TextNormalizer.IsWordChar(_text[start])) start++;
        if (start == _text.Length) return false;
        _end = start + 1;
        while (_end < _text.Length && TextNormalizer.IsWordChar(_text[_end])) _end++;
        Current = _text[start.._end];
        return true;
    }
}
