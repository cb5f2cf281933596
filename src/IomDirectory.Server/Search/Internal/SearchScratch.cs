namespace IomDirectory.Server.Search.Internal;

/// <summary>One search's working space over the documents of a <see cref="SearchIndex"/>, rented from its pool.</summary>
internal sealed class SearchScratch(int documents)
{
    /// <summary>One bit per document: the documents any of the query's lists holds, for the count of matches.</summary>
    public ulong[] Matches { get; } = new ulong[(documents + 63) / 64];

    public List<TopHits.QueryList> Lists { get; } = [];

    /// <summary>The query's clauses (<see cref="TopHits.Clause"/>), lightest first.</summary>
    public List<TopHits.Clause> Clauses { get; } = [];

    /// <summary>Per list, the contribution of its heaviest clause so far while a bound is worked out, else -1.</summary>
    public List<long> HeaviestOfList { get; } = [];

    private int[] _indexes = new int[128];
    private int[] _lengths = new int[64];

    /// <summary>One of two spans of room for indexes of the query's clauses.</summary>
    public Span<int> Indexes(int which, int clauses)
    {
        if (_indexes.Length < 3 * clauses) _indexes = new int[Math.Max(3 * clauses, 2 * _indexes.Length)];
        return _indexes.AsSpan(which * clauses, clauses);
    }

    /// <summary>The clauses' indexes, longest first.</summary>
    public Span<int> LongestFirst(ReadOnlySpan<TopHits.Clause> clauses)
    {
        var order = Indexes(2, clauses.Length);
        if (_lengths.Length < clauses.Length) _lengths = new int[Math.Max(clauses.Length, 2 * _lengths.Length)];
        var keys = _lengths.AsSpan(0, clauses.Length);
        for (var c = 0; c < clauses.Length; c++) (order[c], keys[c]) = (c, -clauses[c].Length);
        keys.Sort(order);
        return order;
    }

    /// <summary>The current window's sums, by document offset in the window; left cleared once the window is scored.</summary>
    public TopHits.Partial[] Partials { get; } = new TopHits.Partial[TopHits.Window];

    /// <summary>One bit per document of the current window that an essential clause holds; left cleared.</summary>
    public ulong[] Touched { get; } = new ulong[TopHits.Window / 64];

    public void Reset()
    {
        Lists.Clear();
        Clauses.Clear();
        HeaviestOfList.Clear();
    }
}
