namespace IomDirectory.Server.ReadModel;

/// <summary>One search's running totals per document of a <see cref="SearchIndex"/>, rented from its pool.</summary>
internal sealed class SearchScratch(int documents)
{
    public struct Total : IStamped
    {
        public double Score;
        public int Matched;
        public ushort Fields;

        public int Stamp { get; set; }
    }

    public TouchedScores<Total> Totals { get; } = new(documents);
}
