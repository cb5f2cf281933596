using Microsoft.Extensions.ObjectPool;

namespace IomDirectory.Server.ReadModel;

/// <summary>
/// Free-text search over a view: names, acronyms, descriptions and responsibilities in EN/FR/ES, case- and
/// accent-insensitive, singular/plural folded, with prefix matching for longer words. Ranked by the weight of
/// the field a word matched in times the word's rarity (IDF).
/// </summary>
/// <remarks>
/// Documents are numbered in id order, the tie-break of the ranking; a term's postings are an int array in impact
/// order (<see cref="Postings"/>). A search ranks with <see cref="TopHits"/>: a page is small, the matches of a
/// common word are many, so it reads the light postings only for documents that can still make the page.
/// </remarks>
public sealed class SearchIndex
{
    private readonly SearchDocument[] _documents;
    private readonly string[] _kindNames;
    private readonly (string Name, double Weight)[] _fields;
    private readonly Postings _postings;
    private readonly string[] _sortedTerms;
    private readonly int[] _sortedIds;
    private readonly TopHits _ranking;
    private readonly ObjectPool<SearchScratch> _scratch;

    public sealed record Hit(SearchDocument Document, double Score, IReadOnlyList<string> MatchedFields);

    /// <summary>The best hits asked for, best first, and how many documents matched in all.</summary>
    public sealed record Found(IReadOnlyList<Hit> Best, int Total);

    /// <param name="words">The view's unit words (shared with the routing index when both are built together).</param>
    public SearchIndex(DirectoryView view, UnitWords words)
    {
        var corpus = new SearchCorpus(view, words);
        _documents = [.. corpus.Documents];
        _kindNames = [.. corpus.KindNames];
        _fields = [.. corpus.Fields];
        _postings = corpus.Postings;
        _sortedTerms = [.. _postings.Terms];
        _sortedIds = Enumerable.Range(0, _sortedTerms.Length).ToArray();
        Array.Sort(_sortedTerms, _sortedIds, StringComparer.Ordinal);
        _ranking = new TopHits(_postings, [.. corpus.Kinds], [.. _fields.Select(f => f.Weight)]);
        _scratch = ScratchPool.Create(() => new SearchScratch(_documents.Length));
    }

    /// <summary>
    /// The <paramref name="take"/> best hits of documents of the given kinds (all kinds when none), best first,
    /// ties by id; <see cref="Found.Total"/> counts every match.
    /// </summary>
    public Found Find(string query, IReadOnlySet<string>? kinds, int take)
    {
        var words = Terms(query).Distinct().ToList();
        var scratch = _scratch.Get();
        try
        {
            foreach (var word in words)
            {
                // The word itself (factor 1) and, for 4+ letters, the indexed terms it prefixes (0.6).
                var exact = Array.BinarySearch(_sortedTerms, word, StringComparer.Ordinal);
                if (exact >= 0) scratch.Lists.Add(new TopHits.QueryList(_sortedIds[exact], 1.0));
                if (word.Length < 4) continue;
                for (var i = exact >= 0 ? exact + 1 : ~exact; i < _sortedTerms.Length && _sortedTerms[i].StartsWith(word, StringComparison.Ordinal); i++)
                    scratch.Lists.Add(new TopHits.QueryList(_sortedIds[i], 0.6));
            }
            var best = new List<TopHits.Hit>();
            var total = _ranking.Rank(scratch, words.Count, AllowedKinds(kinds), take, best);
            return new Found(best.ConvertAll(h => new Hit(_documents[h.Document], h.Score, MatchedFields(h.Fields))), total);
        }
        finally
        {
            scratch.Reset();
            _scratch.Return(scratch);
        }
    }

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

    internal static IEnumerable<string> Terms(string text) =>
        TextNormalizer.Tokens(text).Where(t => t.Length > 1 || char.IsDigit(t[0])).Select(Stem);

    /// <summary>Plural folding shared by English, French and Spanish: "offices", "bureaux", "oficinas".</summary>
    internal static string Stem(string token)
    {
        if (token.Length <= 3) return token;
        if (token.EndsWith("aux", StringComparison.Ordinal) && token.Length > 4) return token[..^3] + "al";
        if (token.EndsWith("ies", StringComparison.Ordinal) && token.Length > 4) return token[..^3] + "y";
        if (token.EndsWith('s') && !token.EndsWith("ss", StringComparison.Ordinal)) return token[..^1];
        if (token.EndsWith('x') && token.Length > 4) return token[..^1];
        return token;
    }
}
