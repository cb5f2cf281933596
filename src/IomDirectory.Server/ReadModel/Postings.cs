namespace IomDirectory.Server.ReadModel;

/// <summary>
/// Posting lists of an inverted index, compact: per term an array of ints, each a document number and a small code
/// (which field matched, hence its weight) packed together, in document order. A list of a common term costs four
/// bytes per document rather than a dictionary entry.
/// </summary>
public sealed class Postings
{
    public const int CodeBits = 4;
    public const int MaxCodes = 1 << CodeBits;
    private const int CodeMask = MaxCodes - 1;
    private readonly int[][] _lists;

    internal Postings(string[] terms, int[][] lists)
    {
        Terms = terms;
        _lists = lists;
    }

    /// <summary>The terms, by term number.</summary>
    public IReadOnlyList<string> Terms { get; }

    public ReadOnlySpan<int> Of(int term) => _lists[term];

    public int CountOf(int term) => _lists[term].Length;

    public static int Pack(int document, int code) => document << CodeBits | code;

    public static int Document(int posting) => posting >> CodeBits;

    public static int Code(int posting) => posting & CodeMask;
}
