namespace IomDirectory.Server.Text;

/// <summary>
/// Posting lists of an inverted index, compact: per term an array of ints, each a document number and a small code
/// (which field matched, hence its weight) packed together. A list of a common term costs four bytes per document
/// rather than a dictionary entry.
/// </summary>
/// <remarks>
/// A list is in impact order: its heaviest field's postings first, then the next field's, each run (a
/// <i>segment</i>) in document order. A search can then take the postings that weigh most first and stop before the
/// long light tail (see <see cref="TopHits"/>), and still find a document in a segment by binary search.
/// </remarks>
public sealed class Postings
{
    public const int CodeBits = 4;
    public const int MaxCodes = 1 << CodeBits;
    private const int CodeMask = MaxCodes - 1;
    private readonly int[][] _lists;
    private readonly int[] _rankOfCode;

    /// <param name="rankOfCode">Each code's place in the order of segments (heaviest field first).</param>
    internal Postings(string[] terms, int[][] lists, int[] rankOfCode)
    {
        Terms = terms;
        _lists = lists;
        _rankOfCode = rankOfCode;
    }

    /// <summary>The terms, by term number.</summary>
    public IReadOnlyList<string> Terms { get; }

    public ReadOnlySpan<int> Of(int term) => _lists[term];

    public int CountOf(int term) => _lists[term].Length;

    /// <summary>Where the segment that starts at <paramref name="start"/> of the term's list ends.</summary>
    public int SegmentEnd(int term, int start)
    {
        var list = _lists[term];
        var rank = _rankOfCode[Code(list[start])];
        int low = start + 1, high = list.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (_rankOfCode[Code(list[middle])] > rank) high = middle;
            else low = middle + 1;
        }
        return low;
    }

    /// <summary>Whether the document is in the segment [<paramref name="start"/>, <paramref name="end"/>) of the term's list.</summary>
    public bool SegmentHas(int term, int start, int end, int document)
    {
        var list = _lists[term];
        int low = start, high = end;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            var found = Document(list[middle]);
            if (found == document) return true;
            if (found < document) low = middle + 1;
            else high = middle;
        }
        return false;
    }

    public static int Pack(int document, int code) => document << CodeBits | code;

    public static int Document(int posting) => posting >> CodeBits;

    public static int Code(int posting) => posting & CodeMask;
}
