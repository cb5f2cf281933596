using Microsoft.Extensions.ObjectPool;

namespace IomDirectory.Server.ReadModel;

/// <summary>
/// Free-text search over a view: names, acronyms, descriptions and responsibilities in EN/FR/ES, case- and
/// accent-insensitive, singular/plural folded, with prefix matching for longer words. Ranked by the weight of
/// the field a word matched in times the word's rarity (IDF).
/// </summary>
/// <remarks>
/// Documents are numbered; a term's postings are an int array (<see cref="Postings"/>). A search adds into pooled
/// per-document arrays, then keeps only the best hits the caller asks for (a page is small, the matches of a common
/// word are many) and counts the rest.
/// </remarks>
public sealed class SearchIndex
{
    private const uint AllKinds = uint.MaxValue;
    private readonly SearchDocument[] _documents;
    private readonly byte[] _kinds;
    private readonly string[] _kindNames;
    private readonly (string Name, double Weight)[] _fields;
    private readonly Postings _postings;
    private readonly string[] _sortedTerms;
    private readonly int[] _sortedIds;
    private readonly int[] _idRanks;
    private readonly ObjectPool<SearchScratch> _scratch;

    public sealed record Hit(SearchDocument Document, double Score, IReadOnlyList<string> MatchedFields);

    /// <summary>The best hits asked for, best first, and how many documents matched in all.</summary>
    public sealed record Found(IReadOnlyList<Hit> Best, int Total);

    /// <summary>
    /// A hit while ranking: by score, then by id (its place in the ordinal order of ids, <see cref="_idRanks"/>), then in
    /// the order first matched. A common word ties thousands of documents on score; comparing them by number keeps
    /// ranking from reading every tied document's id.
    /// </summary>
    private readonly record struct Ranked(int Document, double Score, int IdRank, int Order) : IRanked<Ranked>
    {
        public int CompareTo(Ranked other)
        {
            var byScore = other.Score.CompareTo(Score);
            if (byScore != 0) return byScore;
            var byId = IdRank.CompareTo(other.IdRank);
            return byId != 0 ? byId : Order.CompareTo(other.Order);
        }
    }

    /// <param name="words">The view's unit words (shared with the routing index when both are built together).</param>
    public SearchIndex(DirectoryView view, UnitWords words)
    {
        var corpus = new SearchCorpus(view, words);
        _documents = [.. corpus.Documents];
        _kinds = [.. corpus.Kinds];
        _kindNames = [.. corpus.KindNames];
        _fields = [.. corpus.Fields];
        _postings = corpus.Postings;
        _sortedTerms = [.. _postings.Terms];
        _sortedIds = Enumerable.Range(0, _sortedTerms.Length).ToArray();
        Array.Sort(_sortedTerms, _sortedIds, StringComparer.Ordinal);
        _idRanks = IdRanks(_documents);
        _scratch = ScratchPool.Create(() => new SearchScratch(_documents.Length));
    }

    /// <summary>
    /// The <paramref name="take"/> best hits of documents of the given kinds (all kinds when none), best first,
    /// ties by id; <see cref="Found.Total"/> counts every match.
    /// </summary>
    public Found Find(string query, IReadOnlySet<string>? kinds, int take)
    {
        var queryTerms = Terms(query).Distinct().ToList();
        var allowed = AllowedKinds(kinds);
        var scratch = _scratch.Get();
        try
        {
            foreach (var term in queryTerms)
            {
                // The term itself (factor 1) and, for 4+ letters, the indexed terms it prefixes (0.6).
                var exact = Array.BinarySearch(_sortedTerms, term, StringComparer.Ordinal);
                if (exact >= 0) Accumulate(scratch, _sortedIds[exact], 1.0, allowed);
                if (term.Length < 4) continue;
                for (var i = exact >= 0 ? exact + 1 : ~exact; i < _sortedTerms.Length && _sortedTerms[i].StartsWith(term, StringComparison.Ordinal); i++)
                    Accumulate(scratch, _sortedIds[i], 0.6, allowed);
            }
            var selection = new TopSelection<Ranked>(take);
            var touched = scratch.Totals.Touched;
            for (var order = 0; order < touched.Count; order++)
            {
                var document = touched[order];
                var total = scratch.Totals[document];
                var score = total.Score * Coverage(total.Matched, queryTerms.Count);
                if (selection.Admits(score)) selection.Offer(new Ranked(document, score, _idRanks[document], order));
            }
            var best = selection.Best().Select(r => new Hit(_documents[r.Document], r.Score, MatchedFields(scratch.Totals[r.Document].Fields))).ToList();
            return new Found(best, touched.Count);
        }
        finally
        {
            scratch.Totals.Clear();
            _scratch.Return(scratch);
        }
    }

    /// <summary>Each document's place in the ordinal order of ids; documents with the same id share it.</summary>
    private static int[] IdRanks(SearchDocument[] documents)
    {
        var byId = Enumerable.Range(0, documents.Length).ToArray();
        Array.Sort(byId, (a, b) => string.CompareOrdinal(documents[a].Id, documents[b].Id));
        var ranks = new int[documents.Length];
        for (var i = 1; i < byId.Length; i++)
            ranks[byId[i]] = ranks[byId[i - 1]] + (documents[byId[i]].Id == documents[byId[i - 1]].Id ? 0 : 1);
        return ranks;
    }

    private void Accumulate(SearchScratch scratch, int term, double factor, uint allowedKinds)
    {
        var idf = Math.Log(1 + (double)_documents.Length / _postings.CountOf(term));
        foreach (var posting in _postings.Of(term))
        {
            var document = Postings.Document(posting);
            if (allowedKinds != AllKinds && (allowedKinds & 1u << _kinds[document]) == 0) continue;
            var code = Postings.Code(posting);
            ref var total = ref scratch.Totals[document];
            total.Score += _fields[code].Weight * idf * factor;
            total.Matched++;
            total.Fields |= (ushort)(1 << code);
        }
    }

    private uint AllowedKinds(IReadOnlySet<string>? kinds)
    {
        if (kinds is null || kinds.Count == 0) return AllKinds;
        var mask = 0u;
        for (var i = 0; i < _kindNames.Length; i++)
            if (kinds.Contains(_kindNames[i])) mask |= 1u << i;
        return mask;
    }

    private List<string> MatchedFields(ushort codes) =>
        Enumerable.Range(0, _fields.Length).Where(c => (codes & 1 << c) != 0).Select(c => _fields[c].Name)
            .Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>Documents matching more of the query's words rank above those matching one word many times.</summary>
    private static double Coverage(int matched, int total) => total == 0 ? 0 : Math.Min(1.0, (double)matched / total) + 0.5;

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
