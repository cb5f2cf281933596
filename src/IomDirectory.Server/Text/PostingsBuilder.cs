namespace IomDirectory.Server.Text;

/// <summary>
/// Builds <see cref="Postings"/> in two passes over the same documents, each given in increasing order: the first
/// counts each term's documents, so that the second writes every list into an array of its exact length (growing
/// and trimming lists would allocate a 100k-unit index three times over, and the collector would copy it around).
/// Each term gets a number on first sight and, per document, one posting whose code is the heaviest field the term
/// occurred in (the first such on a tie). <see cref="Build"/> puts each list in impact order (see <see cref="Postings"/>).
/// </summary>
/// <param name="weightOf">The weight of a code, which decides which occurrence of a term a document keeps.</param>
public sealed class PostingsBuilder(Func<int, double> weightOf)
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _terms = [];
    private readonly List<int> _documentTerms = [];
    private int[] _counts = new int[256];
    private int[] _seenIn = new int[256];
    private int[] _code = new int[256];
    private int[][]? _lists;
    private int _document = -1;
    private int _codes;

    /// <summary>Term numbers, in order of first sight.</summary>
    public IReadOnlyDictionary<string, int> Ids => _ids;

    /// <summary>The term's number, given on first sight (in the first pass).</summary>
    public int Id(string term)
    {
        if (_ids.TryGetValue(term, out var id)) return id;
        if (_lists is not null) throw new InvalidOperationException($"The term '{term}' was not in the first pass.");
        id = _terms.Count;
        _ids.Add(term, id);
        _terms.Add(term);
        if (id == _seenIn.Length)
        {
            Array.Resize(ref _seenIn, id * 2);
            Array.Resize(ref _code, id * 2);
            Array.Resize(ref _counts, id * 2);
        }
        return id;
    }

    public void Add(int document, int term, int code)
    {
        if (document != _document)
        {
            Flush();
            _document = document;
        }
        _codes = Math.Max(_codes, code + 1);
        if (_seenIn[term] != document + 1)
        {
            _seenIn[term] = document + 1;
            _code[term] = code;
            _documentTerms.Add(term);
        }
        else if (weightOf(_code[term]) < weightOf(code))
            _code[term] = code;
    }

    /// <summary>Ends the counting pass: the same documents are to be added again, from the first.</summary>
    public void StartFilling()
    {
        Flush();
        _lists = new int[_terms.Count][];
        for (var term = 0; term < _lists.Length; term++) _lists[term] = new int[_counts[term]];
        Array.Clear(_counts);
        Array.Clear(_seenIn);
        _document = -1;
    }

    /// <summary>The lists, terms numbered as <see cref="Ids"/> says; the builder is spent.</summary>
    public Postings Build()
    {
        Flush();
        var lists = _lists ?? throw new InvalidOperationException("Build comes after the filling pass.");
        var rankOfCode = RankOfCode();
        var buffer = new int[lists.Length == 0 ? 0 : lists.Max(l => l.Length)];
        foreach (var list in lists) ImpactOrder(list, rankOfCode, buffer);
        return new Postings([.. _terms], lists, rankOfCode);
    }

    /// <summary>Codes ranked heaviest first, the lower code first on a tie.</summary>
    private int[] RankOfCode()
    {
        var byWeight = Enumerable.Range(0, _codes).OrderByDescending(weightOf).ThenBy(c => c).ToArray();
        var ranks = new int[Postings.MaxCodes];
        for (var rank = 0; rank < byWeight.Length; rank++) ranks[byWeight[rank]] = rank;
        return ranks;
    }

    /// <summary>A stable partition of a list (in document order) by the rank of its codes: a counting sort.</summary>
    private static void ImpactOrder(int[] list, int[] rankOfCode, int[] buffer)
    {
        Span<int> starts = stackalloc int[Postings.MaxCodes + 1];
        starts.Clear();
        foreach (var posting in list) starts[rankOfCode[Postings.Code(posting)] + 1]++;
        if (starts.IndexOfAnyExcept(0) is var first && first >= 0 && starts[first] == list.Length) return;   // one field only
        for (var rank = 1; rank < starts.Length; rank++) starts[rank] += starts[rank - 1];
        foreach (var posting in list) buffer[starts[rankOfCode[Postings.Code(posting)]]++] = posting;
        buffer.AsSpan(0, list.Length).CopyTo(list);
    }

    private void Flush()
    {
        foreach (var term in _documentTerms)
        {
            if (_lists is not null) _lists[term][_counts[term]] = Postings.Pack(_document, _code[term]);
            _counts[term]++;
        }
        _documentTerms.Clear();
    }
}
