namespace IomDirectory.Server.ReadModel;

/// <summary>
/// One search's running totals per document of a <see cref="SearchIndex"/>, rented from its pool: scores, matched
/// postings and fields, and the documents touched, in the order first touched, which is also what
/// <see cref="Clear"/> resets.
/// </summary>
internal sealed class SearchScratch(int documents)
{
    public double[] Score { get; } = new double[documents];
    public int[] Matched { get; } = new int[documents];
    public ushort[] Fields { get; } = new ushort[documents];
    public List<int> Touched { get; } = [];

    public void Clear()
    {
        foreach (var document in Touched)
        {
            Score[document] = 0;
            Matched[document] = 0;
            Fields[document] = 0;
        }
        Touched.Clear();
    }
}
