namespace IomDirectory.Server.ReadModel;

/// <summary>
/// Free-text search over a view: names, acronyms, descriptions and responsibilities in EN/FR/ES, case- and
/// accent-insensitive, singular/plural folded, with prefix matching for longer words. Ranked by the weight of
/// the field a word matched in times the word's rarity (IDF).
/// </summary>
public sealed class SearchIndex
{
    private readonly List<SearchDocument> _documents = [];
    private readonly Dictionary<string, Dictionary<int, Posting>> _postings = new(StringComparer.Ordinal);
    private readonly string[] _sortedTerms;

    private readonly record struct Posting(double Weight, string Field);

    public sealed record Hit(SearchDocument Document, double Score, IReadOnlyList<string> MatchedFields);

    public SearchIndex(DirectoryView view)
    {
        var ids = new Dictionary<SearchDocument, int>();
        foreach (var (document, field, weight, text) in SearchDocument.Fields(view))
        {
            if (!ids.TryGetValue(document, out var index))
            {
                index = _documents.Count;
                ids[document] = index;
                _documents.Add(document);
            }
            foreach (var term in Terms(text))
            {
                if (!_postings.TryGetValue(term, out var docs))
                    _postings[term] = docs = new Dictionary<int, Posting>();
                if (!docs.TryGetValue(index, out var existing) || existing.Weight < weight)
                    docs[index] = new Posting(weight, field);
            }
        }
        _sortedTerms = _postings.Keys.Order(StringComparer.Ordinal).ToArray();
    }

    public IReadOnlyList<Hit> Find(string query, IReadOnlySet<string>? kinds = null)
    {
        var scores = new Dictionary<int, (double Score, HashSet<string> Fields, int Matched)>();
        var queryTerms = Terms(query).Distinct().ToList();
        foreach (var term in queryTerms)
        {
            foreach (var (candidate, factor) in Expand(term))
            {
                var docs = _postings[candidate];
                var idf = Math.Log(1 + (double)_documents.Count / docs.Count);
                foreach (var (doc, posting) in docs)
                {
                    var (score, fields, matched) = scores.TryGetValue(doc, out var e) ? e : (0d, new HashSet<string>(StringComparer.Ordinal), 0);
                    fields.Add(posting.Field);
                    scores[doc] = (score + posting.Weight * idf * factor, fields, matched + 1);
                }
            }
        }
        return scores
            .Where(s => kinds is null || kinds.Count == 0 || kinds.Contains(_documents[s.Key].Kind))
            .Select(s => new Hit(_documents[s.Key], s.Value.Score * Coverage(s.Value.Matched, queryTerms.Count),
                s.Value.Fields.Order(StringComparer.Ordinal).ToList()))
            .OrderByDescending(h => h.Score).ThenBy(h => h.Document.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Documents matching more of the query's words rank above those matching one word many times.</summary>
    private static double Coverage(int matched, int total) => total == 0 ? 0 : Math.Min(1.0, (double)matched / total) + 0.5;

    /// <summary>The indexed terms a query term matches: itself (factor 1) and, for 4+ letters, terms it prefixes (0.6).</summary>
    private IEnumerable<(string Term, double Factor)> Expand(string term)
    {
        if (_postings.ContainsKey(term)) yield return (term, 1.0);
        if (term.Length < 4) yield break;
        var start = Array.BinarySearch(_sortedTerms, term, StringComparer.Ordinal);
        for (var i = start >= 0 ? start + 1 : ~start; i < _sortedTerms.Length && _sortedTerms[i].StartsWith(term, StringComparison.Ordinal); i++)
            yield return (_sortedTerms[i], 0.6);
    }

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
