using IomDirectory.Server.Routing;
using IomDirectory.Server.Snapshots;
using IomDirectory.Server.Text;
using Microsoft.Extensions.ObjectPool;
using IomDirectory.Server.Search.Internal;

namespace IomDirectory.Server.Search;

/// <summary>
/// One tier of a <see cref="SearchIndex"/>: documents numbered in id order, their postings, the terms sorted for
/// prefix matching, and the ranking over them. The base of an index is a tier of every document of a view; its delta
/// (<see cref="SearchDelta"/>) a tier of the few documents changed since.
/// </summary>
internal sealed class SearchTier
{
    private readonly string[] _kindNames;
    private readonly (string Name, double Weight)[] _fields;
    private readonly int[] _sortedIds;
    private readonly TopHits _ranking;
    private readonly ObjectPool<SearchScratch> _scratch;

    public SearchTier(SearchCorpus corpus)
    {
        Documents = [.. corpus.Documents];
        _kindNames = [.. corpus.KindNames];
        _fields = [.. corpus.Fields];
        Postings = corpus.Postings;
        SortedTerms = [.. Postings.Terms];
        _sortedIds = Enumerable.Range(0, SortedTerms.Length).ToArray();
        Array.Sort(SortedTerms, _sortedIds, StringComparer.Ordinal);
        _ranking = new TopHits(Postings, [.. corpus.Kinds], [.. _fields.Select(f => f.Weight)]);
        _scratch = ScratchPool.Create(() => new SearchScratch(Documents.Length));
    }

    /// <summary>The documents, by number: in id order (<see cref="SearchDocument.InIdOrder"/>).</summary>
    public SearchDocument[] Documents { get; }

    public Postings Postings { get; }

    /// <summary>The terms in ordinal order; <see cref="TermAt"/> gives the term number of each.</summary>
    public string[] SortedTerms { get; }

    public int TermAt(int sorted) => _sortedIds[sorted];

    /// <summary>Where the term is in <see cref="SortedTerms"/>, or where it would go (as <see cref="Array.BinarySearch(Array, object)"/>).</summary>
    public int Find(string term) => Array.BinarySearch(SortedTerms, term, StringComparer.Ordinal);

    /// <summary>The term's number, or -1.</summary>
    public int TermOf(string term) => Find(term) is var at and >= 0 ? _sortedIds[at] : -1;

    /// <summary>The document of that kind and id, or -1: documents are in id order, and an id has one per kind at most.</summary>
    public int DocumentOf(string kind, string id)
    {
        var probe = new SearchDocument(kind, id, id);
        int low = 0, high = Documents.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (SearchDocument.InIdOrder(Documents[middle], probe) < 0) low = middle + 1;
            else high = middle;
        }
        return low < Documents.Length && Documents[low].Kind == kind && Documents[low].Id == id ? low : -1;
    }

    public SearchScratch RentScratch() => _scratch.Get();

    public void Return(SearchScratch scratch)
    {
        scratch.Reset();
        _scratch.Return(scratch);
    }

    /// <summary>Ranks the scratch's lists (see <see cref="TopHits.Rank"/>), leaving out the masked documents.</summary>
    public int Rank(SearchScratch scratch, int words, IReadOnlySet<string>? kinds, int take, List<TopHits.Hit> best, ulong[]? masked = null) =>
        _ranking.Rank(scratch, words, AllowedKinds(kinds), take, best, masked);

    public SearchIndex.Hit HitOf(TopHits.Hit hit) => new(Documents[hit.Document], hit.Score, MatchedFields(hit.Fields));

    private uint AllowedKinds(IReadOnlySet<string>? kinds)
    {
        if (kinds is null || kinds.Count == 0) return TopHits.AllKinds;
        var mask = 0u;
        for (var i = 0; i < _kindNames.Length; i++)
            if (kinds.Contains(_kindNames[i])) mask |= 1u << i;
        return mask;
    }

    private List<string> MatchedFields(ushort codes) =>
        Enumerable.Range(0, _fields.Length).Where(c => (codes & 1 << c) != 0).Select(c => _fields[c].Name)
            .Distinct().Order(StringComparer.Ordinal).ToList();
}
