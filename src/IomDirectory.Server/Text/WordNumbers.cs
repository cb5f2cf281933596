namespace IomDirectory.Server.Text;

/// <summary>Raw words numbered in order of first sight, found again by span without allocating.</summary>
public sealed class WordNumbers
{
    private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private readonly List<string> _words = [];

    public WordNumbers() => _bySpan = _numbers.GetAlternateLookup<ReadOnlySpan<char>>();

    public int Count => _words.Count;

    public string this[int number] => _words[number];

    /// <summary>The word's number, given on first sight.</summary>
    public int Number(ReadOnlySpan<char> raw)
    {
        if (_bySpan.TryGetValue(raw, out var number)) return number;
        var word = raw.ToString();
        _numbers.Add(word, _words.Count);
        _words.Add(word);
        return _words.Count - 1;
    }
}
