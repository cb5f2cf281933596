namespace IomDirectory.Server.ReadModel;

/// <summary>
/// Builds <see cref="Postings"/> from documents given in increasing order: each term gets a number on first sight
/// and, per document, one posting whose code is the heaviest field the term occurred in (the first such on a tie).
/// </summary>
/// <param name="weightOf">The weight of a code, which decides which occurrence of a term a document keeps.</param>
public sealed class PostingsBuilder(Func<int, double> weightOf)
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _terms = [];
    private int[][] _lists = new int[256][];
    private int[] _counts = new int[256];
    private readonly List<int> _documentTerms = [];
    private int[] _seenIn = new int[256];
    private int[] _code = new int[256];
    private int _document = -1;

    /// <summary>Term numbers, in order of first sight.</summary>
    public IReadOnlyDictionary<string, int> Ids => _ids;

    /// <summary>The term's number, given on first sight.</summary>
    public int Id(string term)
    {
        if (_ids.TryGetValue(term, out var id)) return id;
        id = _terms.Count;
        _ids.Add(term, id);
        _terms.Add(term);
        if (id == _seenIn.Length)
        {
            Array.Resize(ref _seenIn, id * 2);
            Array.Resize(ref _code, id * 2);
            Array.Resize(ref _lists, id * 2);
            Array.Resize(ref _counts, id * 2);
        }
        _lists[id] = new int[4];
        return id;
    }

    public void Add(int document, int term, int code)
    {
        if (document != _document)
        {
            Flush();
            _document = document;
        }
        if (_seenIn[term] != document + 1)
        {
            _seenIn[term] = document + 1;
            _code[term] = code;
            _documentTerms.Add(term);
        }
        else if (weightOf(_code[term]) < weightOf(code))
            _code[term] = code;
    }

    /// <summary>The lists, terms numbered as <see cref="Ids"/> says; the builder is spent.</summary>
    public Postings Build()
    {
        Flush();
        var lists = new int[_terms.Count][];
        for (var i = 0; i < lists.Length; i++)
        {
            lists[i] = _lists[i].AsSpan(0, _counts[i]).ToArray();
            _lists[i] = [];
        }
        return new Postings([.. _terms], lists);
    }

    private void Flush()
    {
        foreach (var term in _documentTerms)
        {
            ref var list = ref _lists[term];
            if (_counts[term] == list.Length) Array.Resize(ref list, list.Length * 2);
            list[_counts[term]++] = Postings.Pack(_document, _code[term]);
        }
        _documentTerms.Clear();
    }
}
