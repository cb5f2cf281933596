using IomDirectory.Server.Routing;
using IomDirectory.Server.Text;
using IomDirectory.Server.Snapshots;
using IomDirectory.Server.Search.Internal;
namespace IomDirectory.Server.Search;

/// <summary>
/// What a <see cref="SearchIndex"/> adds to its base for a newer view: a small tier of the documents changed or added
/// since the base's view, a mask of the base's documents they replace or that were retired, and the change of every
/// touched term's document frequency. Derived from the base and the newer view alone, so a chain of writes re-derives
/// it from the union of their ids: the cost is the changed documents' terms, never the base's.
/// </summary>
/// <remarks>
/// A search answers as a full build of the newer view would: each term's IDF is taken over both tiers (the base's
/// document count and frequency, less the masked documents', plus the delta's), a word's prefix matches the terms of
/// both, and the two rankings (each exact) are merged by score and then id order, the order a full build numbers
/// its documents in (<see cref="SearchDocument.InIdOrder"/>).
/// </remarks>
internal sealed class SearchDelta
{
    /// <summary>Per touched term, the delta's documents with it less the masked documents with it.</summary>
    private readonly Dictionary<string, int> _frequencyChange = new(StringComparer.Ordinal);

    public SearchDelta(SearchBase @base, DirectoryView view, HashSet<string> changedIds)
    {
        ChangedIds = changedIds;
        var baseTier = @base.Tier;
        Masked = new ulong[(baseTier.Documents.Length + 63) / 64];
        var current = new List<SearchDocument>();
        var terms = new HashSet<string>(StringComparer.Ordinal);
        var memo = new TermMemo<string>(raw => [.. SearchIndex.Terms(raw)]);
        var termsOfText = new List<string>();
        foreach (var (kind, id) in DirtyDocuments.Of(@base, view, changedIds))
        {
            var old = baseTier.DocumentOf(kind, id);
            if (old >= 0)
            {
                Masked[old >> 6] |= 1UL << old;
                MaskedDocuments++;
                // The masked document's terms, read again as the base read them.
                termsOfText.Clear();
                foreach (var (_, _, _, text) in SearchDocument.Fields(baseTier.Documents[old], @base.Offices, @base.Functions))
                    memo.AddTerms(text, termsOfText);
                terms.Clear();
                terms.UnionWith(termsOfText);
                foreach (var term in terms) _frequencyChange[term] = _frequencyChange.GetValueOrDefault(term) - 1;
            }
            var record = DirtyDocuments.RecordOf(view, kind, id);
            if (record is not null) current.Add(new SearchDocument(kind, id, record));
            if (old >= 0 || record is not null) Documents++;
        }
        current.Sort(SearchDocument.InIdOrder);
        Tier = new SearchTier(new SearchCorpus(view, current));
        for (var term = 0; term < Tier.Postings.Terms.Count; term++)
            _frequencyChange[Tier.Postings.Terms[term]] = _frequencyChange.GetValueOrDefault(Tier.Postings.Terms[term]) + Tier.Postings.CountOf(term);
        AllDocuments = baseTier.Documents.Length - MaskedDocuments + Tier.Documents.Length;
    }

    /// <summary>The ids changed since the base's view: the next delta is derived from these and its own.</summary>
    public IReadOnlySet<string> ChangedIds { get; }

    /// <summary>The documents changed or added since the base's view, in id order.</summary>
    public SearchTier Tier { get; }

    /// <summary>One bit per base document that a delta document replaces or that is retired.</summary>
    public ulong[] Masked { get; }

    public int MaskedDocuments { get; }

    /// <summary>
    /// The documents the delta holds or masks, a replaced one counting once: the measure of what deriving the next
    /// delta costs.
    /// </summary>
    public int Documents { get; }

    /// <summary>The documents of the newer view: what a full build of it would hold.</summary>
    public int AllDocuments { get; }

    /// <summary>
    /// Adds to each tier's lists the terms the word matches in either (itself, and for 4+ letters the longer terms
    /// it prefixes), with the IDF over both tiers; a term only masked documents held is no longer a term.
    /// </summary>
    public void AddLists(SearchTier baseTier, string word, List<TopHits.QueryList> inBase, List<TopHits.QueryList> inDelta)
    {
        var b = FirstAtOrAfter(baseTier.Find(word));
        var d = FirstAtOrAfter(Tier.Find(word));
        while (true)
        {
            var fromBase = b < baseTier.SortedTerms.Length && Matches(baseTier.SortedTerms[b], word) ? baseTier.SortedTerms[b] : null;
            var fromDelta = d < Tier.SortedTerms.Length && Matches(Tier.SortedTerms[d], word) ? Tier.SortedTerms[d] : null;
            if (fromBase is null && fromDelta is null) return;
            var order = fromBase is null ? 1 : fromDelta is null ? -1 : string.CompareOrdinal(fromBase, fromDelta);
            var term = order <= 0 ? fromBase! : fromDelta!;
            var baseTerm = order <= 0 ? baseTier.TermAt(b++) : -1;
            var deltaTerm = order >= 0 ? Tier.TermAt(d++) : -1;
            var frequency = (baseTerm >= 0 ? baseTier.Postings.CountOf(baseTerm) : 0) + _frequencyChange.GetValueOrDefault(term);
            if (frequency == 0) continue;
            var factor = term.Length == word.Length ? 1.0 : 0.6;
            var idf = TopHits.Idf(AllDocuments, frequency);
            if (baseTerm >= 0) inBase.Add(new TopHits.QueryList(baseTerm, factor, idf));
            if (deltaTerm >= 0) inDelta.Add(new TopHits.QueryList(deltaTerm, factor, idf));
        }
    }

    private static int FirstAtOrAfter(int found) => found >= 0 ? found : ~found;

    /// <summary><see cref="SearchIndex.TermMatches"/> (the terms a word matches are one run of the sorted terms).</summary>
    private static bool Matches(string term, string word) => SearchIndex.TermMatches(term, word);
}
