using IomDirectory.Server.Snapshots;
using IomDirectory.Server.Search.Internal;
using IomDirectory.Server.Text;
namespace IomDirectory.Server.Search;

/// <summary>
/// Free-text search over a view: names, acronyms, descriptions and responsibilities in EN/FR/ES, case- and
/// accent-insensitive, singular/plural folded, with prefix matching for longer words. Ranked by the weight of
/// the field a word matched in times the word's rarity (IDF).
/// </summary>
/// <remarks>
/// <para>
/// Documents are numbered in id order, the tie-break of the ranking; a term's postings are an int array in impact
/// order (<see cref="Postings"/>). A search ranks with <see cref="TopHits"/>: a page is small, the matches of a
/// common word are many, so it reads the light postings only for documents that can still make the page.
/// </para>
/// <para>
/// A write costs the change, not the directory: <see cref="Next"/> gives the index of a newer view as this one's base
/// (every document of the view it was built for) and a small delta tier (the documents changed since, the base's
/// versions of them masked), the segment-and-merge idea of Lucene in miniature. It answers exactly as a full build of
/// the newer view would (<see cref="SearchDelta"/>). The delta grows with every write until its owner builds a new
/// base in the background (<see cref="WantsMerge"/>).
/// </para>
/// </remarks>
public sealed class SearchIndex
{
    /// <summary>The delta's share of the base's documents at which it is worth merging (<see cref="MergeThreshold"/>).</summary>
    public const double MergeShare = 0.01;

    /// <summary>The delta size below which merging is never worth it, however small the base.</summary>
    public const int MergeFloor = 500;

    private readonly SearchBase _base;
    private readonly SearchDelta? _delta;

    public sealed record Hit(SearchDocument Document, double Score, IReadOnlyList<string> MatchedFields);

    /// <summary>The best hits asked for, best first, and how many documents matched in all.</summary>
    public sealed record Found(IReadOnlyList<Hit> Best, int Total);

    /// <summary>A fresh base: every document of the view, no delta.</summary>
    /// <param name="words">The view's unit words (shared with the routing index when both are built together).</param>
    public SearchIndex(DirectoryView view, UnitWords words)
    {
        _base = new SearchBase(view, words);
        View = view;
    }

    private SearchIndex(SearchBase @base, SearchDelta delta, DirectoryView view)
    {
        _base = @base;
        _delta = delta;
        View = view;
    }

    /// <summary>The view this index answers for.</summary>
    public DirectoryView View { get; }

    /// <summary>
    /// The documents the delta tier holds, a base document it masks (replaced or retired) counting as one: 0 for a
    /// fresh base. <see cref="Next"/> costs in proportion to it.
    /// </summary>
    public int DeltaDocuments => _delta?.Documents ?? 0;

    /// <summary>
    /// The delta size past which the owner should build a new base (in the background, off the write path): a share
    /// of the base's documents (<see cref="MergeShare"/>), at least <see cref="MergeFloor"/>. At 100k units that is
    /// 1,200 documents, where <see cref="Next"/> costs about a twentieth of a full build (about 25 µs a document for
    /// its new text and as much for its masked one, against 16 µs a document for a full build, which shares work
    /// across documents), and a search about what it costs on the base alone.
    /// </summary>
    public int MergeThreshold => Math.Max(MergeFloor, (int)(_base.Tier.Documents.Length * MergeShare));

    /// <summary>Whether the delta has reached <see cref="MergeThreshold"/>.</summary>
    public bool WantsMerge => DeltaDocuments >= MergeThreshold;

    /// <summary>
    /// The index of <paramref name="newView"/>, given that between this index's view and it only the records whose ids
    /// are in <paramref name="changedIds"/> (of any kind) changed: this index's base, and a delta derived from the ids
    /// changed since the base (this index's and these). Costs the changed documents' terms, not the base's.
    /// </summary>
    public SearchIndex Next(DirectoryView newView, IReadOnlySet<string> changedIds)
    {
        var ids = new HashSet<string>(changedIds, StringComparer.Ordinal);
        if (_delta is not null) ids.UnionWith(_delta.ChangedIds);
        return new SearchIndex(_base, new SearchDelta(_base, newView, ids), newView);
    }

    /// <summary>
    /// The <paramref name="take"/> best hits of documents of the given kinds (all kinds when none), best first,
    /// ties by id; <see cref="Found.Total"/> counts every match.
    /// </summary>
    public Found Find(string query, IReadOnlySet<string>? kinds, int take)
    {
        var words = QueryTerms(query);
        return _delta is null ? FindInBase(words, kinds, take) : FindInBoth(_delta, words, kinds, take);
    }

    /// <summary>
    /// The length from which a query word also finds the indexed terms it begins ("develop" finds "developpement");
    /// a shorter one finds only itself.
    /// </summary>
    public const int PrefixFrom = 4;

    /// <summary>The words <see cref="Find"/> looks for in <paramref name="query"/>: folded, plurals folded, each once.</summary>
    public static List<string> QueryTerms(string query) => Terms(query).Distinct().ToList();

    /// <summary>
    /// Whether a word of a displayed text is one <see cref="Find"/> matched for these query terms: the same analysis and
    /// the same rule (the word itself, or a term a 4+ letter query word begins), so that what a page highlights is
    /// what the search found.
    /// </summary>
    public static bool Matches(string displayedWord, IReadOnlyList<string> queryTerms) =>
        Terms(displayedWord).Any(term => queryTerms.Any(word => TermMatches(term, word)));

    /// <summary>The match rule: an indexed term matches a query word when it is the word or, for a word of <see cref="PrefixFrom"/>+ letters, begins with it.</summary>
    internal static bool TermMatches(string term, string word) =>
        word.Length >= PrefixFrom ? term.StartsWith(word, StringComparison.Ordinal) : term == word;

    private Found FindInBase(List<string> words, IReadOnlySet<string>? kinds, int take)
    {
        var tier = _base.Tier;
        var scratch = tier.RentScratch();
        try
        {
            foreach (var word in words)
            {
                // The word itself (factor 1) and, from PrefixFrom letters, the indexed terms it prefixes (0.6).
                var exact = tier.Find(word);
                if (exact >= 0) scratch.Lists.Add(new TopHits.QueryList(tier.TermAt(exact), 1.0));
                if (word.Length < PrefixFrom) continue;
                for (var i = exact >= 0 ? exact + 1 : ~exact; i < tier.SortedTerms.Length && tier.SortedTerms[i].StartsWith(word, StringComparison.Ordinal); i++)
                    scratch.Lists.Add(new TopHits.QueryList(tier.TermAt(i), 0.6));
            }
            var best = new List<TopHits.Hit>();
            var total = tier.Rank(scratch, words.Count, kinds, take, best);
            return new Found(best.ConvertAll(tier.HitOf), total);
        }
        finally
        {
            tier.Return(scratch);
        }
    }

    /// <summary>Each tier ranked with the IDFs of both, the base without its masked documents; the two pages merged.</summary>
    private Found FindInBoth(SearchDelta delta, List<string> words, IReadOnlySet<string>? kinds, int take)
    {
        var (baseTier, deltaTier) = (_base.Tier, delta.Tier);
        var (inBase, inDelta) = (baseTier.RentScratch(), deltaTier.RentScratch());
        try
        {
            foreach (var word in words) delta.AddLists(baseTier, word, inBase.Lists, inDelta.Lists);
            var (fromBase, fromDelta) = (new List<TopHits.Hit>(), new List<TopHits.Hit>());
            var total = baseTier.Rank(inBase, words.Count, kinds, take, fromBase, delta.Masked)
                + deltaTier.Rank(inDelta, words.Count, kinds, take, fromDelta);
            var best = new List<Hit>(Math.Min(take, fromBase.Count + fromDelta.Count));
            int b = 0, d = 0;
            while (best.Count < take && (b < fromBase.Count || d < fromDelta.Count))
                best.Add(d == fromDelta.Count || b < fromBase.Count && Before(baseTier, fromBase[b], deltaTier, fromDelta[d])
                    ? baseTier.HitOf(fromBase[b++])
                    : deltaTier.HitOf(fromDelta[d++]));
            return new Found(best, total);
        }
        finally
        {
            baseTier.Return(inBase);
            deltaTier.Return(inDelta);
        }
    }

    /// <summary>Whether a hit ranks before another of the other tier: by score, then in id order, as one index would rank them.</summary>
    private static bool Before(SearchTier tier, TopHits.Hit hit, SearchTier otherTier, TopHits.Hit other) =>
        hit.Score != other.Score ? hit.Score > other.Score : SearchDocument.InIdOrder(tier.Documents[hit.Document], otherTier.Documents[other.Document]) < 0;

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
