namespace IomDirectory.Server.Routing;

/// <summary>
/// Spelling tolerance on the lexicon's vocabulary (concept terms and place names): a question word of five letters
/// or more that neither the lexicon nor any unit text knows is read as the vocabulary word within one edit (five to
/// seven letters) or two edits (eight or more; a swap of neighbours is one edit): at seven letters two edits read
/// real words as others ("weather" as "water"). Built once per index as a
/// deletion neighbourhood (every word with up to two letters deleted), so a question costs the deletions of its
/// unknown words and a few dictionary lookups, never a scan of the vocabulary.
/// </summary>
public sealed class FuzzyVocabulary
{
    public const int MinLength = 5;
    private readonly HashSet<string> _words;
    private readonly Dictionary<string, List<string>> _deletions = new(StringComparer.Ordinal);

    public FuzzyVocabulary(IEnumerable<string> words)
    {
        _words = words.Where(w => w.Length >= MinLength && w.All(char.IsLetter)).ToHashSet(StringComparer.Ordinal);
        foreach (var word in _words.Order(StringComparer.Ordinal))
        foreach (var deletion in Deletions(word, MaxEdits(word.Length)))
        {
            if (!_deletions.TryGetValue(deletion, out var list)) _deletions[deletion] = list = [];
            if (list.Count == 0 || !string.Equals(list[^1], word, StringComparison.Ordinal)) list.Add(word);
        }
    }

    public bool Contains(string folded) => _words.Contains(folded);

    /// <summary>The vocabulary word closest to <paramref name="folded"/> within its edit budget, or null.</summary>
    public string? Correct(string folded)
    {
        if (folded.Length < MinLength || _words.Contains(folded)) return null;
        var budget = MaxEdits(folded.Length);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var deletion in Deletions(folded, budget))
        {
            if (!_deletions.TryGetValue(deletion, out var candidates)) continue;
            foreach (var candidate in candidates)
            {
                var distance = Distance(folded, candidate, Math.Min(budget, MaxEdits(candidate.Length)));
                if (distance < bestDistance || (distance == bestDistance && string.CompareOrdinal(candidate, best) < 0))
                    (best, bestDistance) = (candidate, distance);
            }
        }
        return bestDistance <= budget ? best : null;
    }

    private static int MaxEdits(int length) => length >= 8 ? 2 : 1;

    private static HashSet<string> Deletions(string word, int edits)
    {
        var result = new HashSet<string>(StringComparer.Ordinal) { word };
        var frontier = new List<string> { word };
        for (var e = 0; e < edits; e++)
        {
            var next = new List<string>();
            foreach (var w in frontier)
                for (var i = 0; i < w.Length; i++)
                {
                    var d = w.Remove(i, 1);
                    if (result.Add(d)) next.Add(d);
                }
            frontier = next;
        }
        return result;
    }

    /// <summary>Optimal string alignment distance (insertions, deletions, substitutions, adjacent swaps), capped above
    /// <paramref name="max"/>.</summary>
    private static int Distance(string a, string b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max) return max + 1;
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        for (var j = 1; j <= b.Length; j++)
        {
            var cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
        }
        return d[a.Length, b.Length];
    }
}
