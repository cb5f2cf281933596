namespace IomDirectory.Server.ReadModel;

/// <summary>One search's working space over the documents of a <see cref="SearchIndex"/>, rented from its pool.</summary>
internal sealed class SearchScratch(int documents)
{
    /// <summary>A document's running total: <see cref="TopHits"/> adds each matching posting into it.</summary>
    public struct Total : IStamped
    {
        /// <summary>The sum of its postings' contributions, in fixed point (<see cref="TopHits"/>).</summary>
        public long Score;

        /// <summary>How many of the query's posting lists it is in, and which (the first 64 lists).</summary>
        public int Matched;
        public ulong Lists;

        /// <summary>The codes of the fields it matched in.</summary>
        public ushort Fields;

        /// <summary>Among the best so far (<see cref="SearchScratch.Best"/>).</summary>
        public bool Best;

        /// <summary>Still in the running once the search has stopped taking new documents.</summary>
        public bool Candidate;

        public int Stamp { get; set; }
    }

    public TouchedScores<Total> Totals { get; } = new(documents);

    /// <summary>One bit per document: the documents any of the query's lists holds, for the count of matches.</summary>
    public ulong[] Matches { get; } = new ulong[(documents + 63) / 64];

    public List<TopHits.QueryList> Lists { get; } = [];
    public List<TopHits.Segment> Segments { get; } = [];

    /// <summary>Per list, the contribution of its heaviest segment not yet added, or -1 when none is left.</summary>
    public List<long> Remaining { get; } = [];

    /// <summary>The best documents so far, while <see cref="TopHits"/> adds segments.</summary>
    public List<int> Best { get; } = [];

    public List<int> Candidates { get; } = [];

    public void Reset()
    {
        Totals.Clear();
        Lists.Clear();
        Segments.Clear();
        Remaining.Clear();
        Best.Clear();
        Candidates.Clear();
    }
}
