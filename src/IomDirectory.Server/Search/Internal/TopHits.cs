using IomDirectory.Server.Routing;
using IomDirectory.Server.Snapshots;
using System.Numerics;
using System.Runtime.InteropServices;
using IomDirectory.Server.Text;

namespace IomDirectory.Server.Search.Internal;

/// <summary>
/// The best hits of a search and the count of all its matches, without scoring every match when a page is all that
/// is asked for. Exact: the same hits, scores and order as scoring every matching document.
/// </summary>
/// <remarks>
/// <para>
/// A query is a set of posting lists (a term, and the terms a longer word prefixes, each with a factor). A document is
/// in a list at most once, and the posting's field decides its contribution: the field's weight × the term's IDF ×
/// the list's factor. Its score is the sum of its contributions times its coverage (the share of the query's words it
/// matched). Ties on score go to the lower document number: the index numbers its documents in id order.
/// </para>
/// <para>
/// Lists are in impact order (<see cref="Postings"/>), so every list is a few segments of equal contribution, each
/// in document order: a query's <i>clauses</i>. Documents are ranked in document order, a window at a time
/// ("max-score"): once a page of documents is held, the page's worst score is a threshold a later document must
/// beat (a tie goes to the earlier one). The light clauses whose bounds together cannot beat it are
/// <i>non-essential</i>: a document only they hold cannot make the page, so only the essential clauses are read,
/// summed per window, and each document they hold looks the light ones up (heaviest first, by galloping search),
/// stopping as soon as what is left cannot lift it past the threshold. A common word's long tail of descriptions,
/// or all but the first window of a word that ties thousands of names, is never read.
/// </para>
/// <para>
/// The count of matches is a union of bits (no scoring): a bitmap kept for each common term, a bit per posting for
/// the others. Contributions are summed as fixed-point integers (2^-32), so a sum does not depend on the order it was
/// added in: two documents with the same matches tie exactly.
/// </para>
/// </remarks>
internal sealed class TopHits
{
    public const uint AllKinds = uint.MaxValue;

    /// <summary>Documents per window: the essential clauses' postings of a window are summed in the scratch.</summary>
    public const int Window = 4096;

    private const double Scale = 4294967296.0;

    /// <summary>
    /// A term in at least this many documents per 64 keeps its documents as a bitmap too: counting a query's matches
    /// then ORs a few thousand words instead of setting a bit per posting of its common words.
    /// </summary>
    private const int DensePerWord = 2;

    private readonly Postings _postings;
    private readonly byte[] _kinds;
    private readonly double[] _weights;
    private readonly ulong[][] _kindBits;
    private readonly Dictionary<int, ulong[]> _denseTerms = [];

    /// <param name="postings">The lists, documents numbered in id order (the tie-break).</param>
    /// <param name="kinds">Each document's kind code.</param>
    /// <param name="weights">Each posting code's field weight.</param>
    public TopHits(Postings postings, byte[] kinds, double[] weights)
    {
        _postings = postings;
        _kinds = kinds;
        _weights = weights;
        _kindBits = new ulong[kinds.Length == 0 ? 0 : kinds.Max() + 1][];
        for (var kind = 0; kind < _kindBits.Length; kind++) _kindBits[kind] = new ulong[(kinds.Length + 63) / 64];
        for (var document = 0; document < kinds.Length; document++) _kindBits[kinds[document]][document >> 6] |= 1UL << document;
        var words = (kinds.Length + 63) / 64;
        for (var term = 0; term < postings.Terms.Count; term++)
        {
            if (postings.CountOf(term) < DensePerWord * words) continue;
            var bits = new ulong[words];
            SetBits(bits, postings.Of(term));
            _denseTerms[term] = bits;
        }
    }

    /// <summary>
    /// A posting list of the query: a term, and how much its matches count (1 for the word itself). Its IDF is the
    /// term's rarity in this index unless given: an index with a delta tier ranks each tier with the IDF of both
    /// (<see cref="SearchDelta"/>).
    /// </summary>
    public readonly record struct QueryList(int Term, double Factor, double Idf = double.NaN)
    {
        public void Deconstruct(out int term, out double factor) => (term, factor) = (Term, Factor);
    }

    /// <summary>
    /// A segment of a query list: postings [<see cref="Position"/>, <see cref="End"/>) of the term, all of one field,
    /// so each adds <see cref="Contribution"/>. <see cref="Position"/> moves on as the ranking reads it.
    /// </summary>
    public struct Clause
    {
        public int List;
        public int Term;
        public int Position;
        public int End;
        public int Code;
        public long Contribution;

        /// <summary>How many postings the clause has: the longest are looked up rather than read when the threshold allows.</summary>
        public int Length;

        /// <summary>Looked up per document rather than read (see the ranking's split).</summary>
        public bool Probed;

        /// <summary>The bound of the looked-up clauses up to this one, lightest first (<see cref="Bound"/>).</summary>
        public long BoundSum;
        public int BoundLists;
    }

    /// <summary>A document's sum over the read clauses of the current window.</summary>
    public struct Partial
    {
        public long Score;
        public int Matched;
        public ushort Fields;
    }

    public readonly record struct Hit(int Document, double Score, ushort Fields);

    /// <summary>A hit while ranking: by score, then document number (id order).</summary>
    private readonly record struct Ranked(int Document, double Score, ushort Fields) : IRanked<Ranked>
    {
        public int CompareTo(Ranked other)
        {
            var byScore = other.Score.CompareTo(Score);
            return byScore != 0 ? byScore : Document.CompareTo(other.Document);
        }
    }

    /// <summary>
    /// Adds the <paramref name="take"/> best documents of the allowed kinds that the scratch's
    /// <see cref="SearchScratch.Lists"/> match to <paramref name="best"/>, best first; returns how many match in all.
    /// </summary>
    /// <param name="words">How many distinct words the query has (for coverage).</param>
    /// <param name="masked">One bit per document that is not to be found (replaced or retired in a delta tier); null for none.</param>
    public int Rank(SearchScratch scratch, int words, uint allowedKinds, int take, List<Hit> best, ulong[]? masked = null)
    {
        var total = CountMatches(scratch, allowedKinds, masked);
        if (take <= 0 || total == 0) return total;
        var clauses = Clauses(scratch);
        var coverage = Coverage(words, scratch.Lists.Count);
        var selection = new TopSelection<Ranked>(Math.Min(take, total));
        var window = new Ranking(this, scratch, clauses, coverage, allowedKinds, masked, selection);
        while (window.Next()) window.Score();
        foreach (var hit in selection.Best()) best.Add(new Hit(hit.Document, hit.Score, hit.Fields));
        return total;
    }

    /// <summary>One query's pass over the documents, a window at a time.</summary>
    private ref struct Ranking(TopHits index, SearchScratch scratch, Span<Clause> clauses, double[] coverage, uint allowedKinds, ulong[]? masked,
        TopSelection<Ranked> selection)
    {
        private readonly Span<Clause> _clauses = clauses;

        /// <summary>The clauses read window by window, then the ones looked up per document (lightest first).</summary>
        private readonly Span<int> _read = scratch.Indexes(0, clauses.Length);
        private readonly Span<int> _probed = scratch.Indexes(1, clauses.Length);
        private int _readCount;
        private int _probedCount = -1;
        private double _threshold = double.NegativeInfinity;
        private double _splitAt = double.NegativeInfinity;
        private bool _full;
        private int _start;
        private int _end;

        /// <summary>Sums the read clauses' postings of the next window that has any; false when none is left.</summary>
        public bool Next()
        {
            if (_probedCount < 0 || _threshold > _splitAt) Split();
            var start = int.MaxValue;
            for (var r = 0; r < _readCount; r++)
            {
                ref var clause = ref _clauses[_read[r]];
                index.Seek(ref clause, _end);
                if (clause.Position < clause.End) start = Math.Min(start, Postings.Document(index._postings.Of(clause.Term)[clause.Position]));
            }
            if (start == int.MaxValue) return false;
            (_start, _end) = (start, start + Window);
            var partials = scratch.Partials;
            var touched = scratch.Touched;
            for (var r = 0; r < _readCount; r++)
            {
                ref var clause = ref _clauses[_read[r]];
                var postings = index._postings.Of(clause.Term);
                var field = (ushort)(1 << clause.Code);
                var position = clause.Position;
                for (; position < clause.End; position++)
                {
                    var offset = Postings.Document(postings[position]) - start;
                    if (offset >= Window) break;
                    ref var partial = ref partials[offset];
                    partial.Score += clause.Contribution;
                    partial.Matched++;
                    partial.Fields |= field;
                    touched[offset >> 6] |= 1UL << offset;
                }
                clause.Position = position;
            }
            return true;
        }

        /// <summary>
        /// Which clauses to read and which to look up: any set of clauses whose bound together cannot beat the
        /// threshold can be looked up, since a document only they hold cannot make the page. The longest go first,
        /// so that what is read (and every document it holds, looked up) is as short as the threshold allows.
        /// </summary>
        private void Split()
        {
            var heaviest = scratch.HeaviestOfList;
            var bound = new Bound(coverage);
            foreach (var c in scratch.LongestFirst(_clauses))
            {
                ref var clause = ref _clauses[c];
                clause.Probed = _full && bound.With(clause, heaviest) <= _threshold;
                if (clause.Probed) bound.Add(clause, heaviest);
            }
            bound.Forget(_clauses, heaviest);
            bound = new Bound(coverage);
            (_readCount, _probedCount) = (0, 0);
            for (var c = 0; c < _clauses.Length; c++)
            {
                ref var clause = ref _clauses[c];
                if (!clause.Probed)
                {
                    _read[_readCount++] = c;
                    continue;
                }
                bound.Add(clause, heaviest);
                (clause.BoundSum, clause.BoundLists) = (bound.Sum, bound.Lists);
                _probed[_probedCount++] = c;
            }
            bound.Forget(_clauses, heaviest);
            _splitAt = _threshold;
        }

        /// <summary>Completes and offers the documents of the window, in document order.</summary>
        public void Score()
        {
            var touched = scratch.Touched;
            for (var word = 0; word < touched.Length; word++)
            {
                for (var bits = touched[word]; bits != 0; bits &= bits - 1)
                {
                    var offset = word * 64 + BitOperations.TrailingZeroCount(bits);
                    ref var partial = ref scratch.Partials[offset];
                    var (score, matched, fields) = (partial.Score, partial.Matched, partial.Fields);
                    partial = default;
                    var document = _start + offset;
                    if (allowedKinds != AllKinds && (allowedKinds & 1u << index._kinds[document]) == 0) continue;
                    // A masked document is left out as one of another kind is: the bounds still hold for the rest.
                    if (masked is not null && (masked[document >> 6] & 1UL << document) != 0) continue;
                    if (!Complete(document, ref score, ref matched, ref fields)) continue;
                    var final = Final(score, matched, coverage);
                    // A later document ranks below the page on a tie.
                    if (_full && final <= _threshold) continue;
                    selection.Offer(new Ranked(document, final, fields));
                    if (selection.Worst is { } worst) (_full, _threshold) = (true, worst.Score);
                }
                touched[word] = 0;
            }
        }

        /// <summary>
        /// Adds the looked-up clauses that hold the document, heaviest first; false as soon as the rest cannot lift
        /// it past the threshold.
        /// </summary>
        private readonly bool Complete(int document, ref long score, ref int matched, ref ushort fields)
        {
            for (var p = _probedCount - 1; p >= 0; p--)
            {
                ref var clause = ref _clauses[_probed[p]];
                if (new Bound(coverage).Of(score + clause.BoundSum, matched + clause.BoundLists) <= _threshold) return false;
                if (!index.Seek(ref clause, document)) continue;
                score += clause.Contribution;
                matched++;
                fields |= (ushort)(1 << clause.Code);
            }
            return true;
        }
    }

    /// <summary>
    /// The most a set of clauses can add to one document: a document is in a list once, so each list's heaviest
    /// clause in the set, and the coverage of that many lists. Per list, the heaviest so far is kept in a scratch list
    /// (-1 for none), which <see cref="Forget"/> sets back.
    /// </summary>
    private struct Bound(double[] coverage)
    {
        public long Sum;
        public int Lists;

        public readonly double Of(long sum, int lists) => Final(sum, Math.Min(lists, coverage.Length - 1), coverage);

        /// <summary>The bound with the clause added.</summary>
        public readonly double With(in Clause clause, List<long> heaviest) =>
            heaviest[clause.List] < 0 ? Of(Sum + clause.Contribution, Lists + 1) : Of(Sum + Math.Max(0, clause.Contribution - heaviest[clause.List]), Lists);

        public void Add(in Clause clause, List<long> heaviest)
        {
            var before = heaviest[clause.List];
            if (before < 0) Lists++;
            Sum += Math.Max(0, clause.Contribution - Math.Max(before, 0));
            heaviest[clause.List] = Math.Max(before, clause.Contribution);
        }

        public readonly void Forget(Span<Clause> clauses, List<long> heaviest)
        {
            foreach (ref var clause in clauses) heaviest[clause.List] = -1;
        }
    }

    /// <summary>Moves the clause to its first posting at or after the document (galloping); whether that is the document.</summary>
    private bool Seek(ref Clause clause, int document)
    {
        var postings = _postings.Of(clause.Term);
        int low = clause.Position, end = clause.End;
        if (low >= end || Postings.Document(postings[low]) >= document)
            return low < end && Postings.Document(postings[low]) == document;
        // postings[low] is before the document: find a step past it, then search between.
        var step = 1;
        var high = low + 1;
        while (high < end && Postings.Document(postings[high]) < document)
        {
            low = high;
            step <<= 1;
            high = (int)Math.Min((long)low + step, end);
        }
        low++;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (Postings.Document(postings[middle]) < document) low = middle + 1;
            else high = middle;
        }
        clause.Position = low;
        return low < end && Postings.Document(postings[low]) == document;
    }

    /// <summary>
    /// The documents of the allowed kinds, not masked, in any of the lists: their bits (a bitmap or a bit per
    /// posting), then a population count.
    /// </summary>
    private int CountMatches(SearchScratch scratch, uint allowedKinds, ulong[]? masked)
    {
        var bits = scratch.Matches;
        foreach (var list in scratch.Lists)
        {
            if (_denseTerms.TryGetValue(list.Term, out var dense)) Or(bits, dense);
            else SetBits(bits, _postings.Of(list.Term));
        }
        var count = 0;
        for (var i = 0; i < bits.Length; i++)
        {
            var word = bits[i];
            if (word == 0) continue;
            if (allowedKinds != AllKinds)
            {
                var allowed = 0UL;
                for (var kind = 0; kind < _kindBits.Length; kind++)
                    if ((allowedKinds & 1u << kind) != 0) allowed |= _kindBits[kind][i];
                word &= allowed;
            }
            if (masked is not null) word &= ~masked[i];
            count += BitOperations.PopCount(word);
            bits[i] = 0;
        }
        return count;
    }

    private static void SetBits(ulong[] bits, ReadOnlySpan<int> postings)
    {
        foreach (var posting in postings)
        {
            var document = Postings.Document(posting);
            bits[document >> 6] |= 1UL << document;
        }
    }

    private static void Or(Span<ulong> bits, ReadOnlySpan<ulong> other)
    {
        var vectors = MemoryMarshal.Cast<ulong, Vector<ulong>>(bits);
        var others = MemoryMarshal.Cast<ulong, Vector<ulong>>(other);
        for (var i = 0; i < vectors.Length; i++) vectors[i] |= others[i];
        for (var i = vectors.Length * Vector<ulong>.Count; i < bits.Length; i++) bits[i] |= other[i];
    }

    /// <summary>Every list's segments, lightest first.</summary>
    private Span<Clause> Clauses(SearchScratch scratch)
    {
        var clauses = scratch.Clauses;
        var documents = _kinds.Length;
        for (var list = 0; list < scratch.Lists.Count; list++)
        {
            var (term, factor, given) = scratch.Lists[list];
            var postings = _postings.Of(term);
            var idf = double.IsNaN(given) ? Idf(documents, postings.Length) : given;
            for (var start = 0; start < postings.Length;)
            {
                var end = _postings.SegmentEnd(term, start);
                var code = Postings.Code(postings[start]);
                clauses.Add(new Clause
                {
                    List = list, Term = term, Position = start, End = end, Code = code,
                    Contribution = (long)Math.Round(_weights[code] * idf * factor * Scale), Length = end - start,
                });
                start = end;
            }
        }
        clauses.Sort(static (a, b) => a.Contribution != b.Contribution ? a.Contribution.CompareTo(b.Contribution)
            : a.List != b.List ? a.List.CompareTo(b.List) : a.Position.CompareTo(b.Position));
        var heaviest = scratch.HeaviestOfList;
        heaviest.AddRange(Enumerable.Repeat(-1L, scratch.Lists.Count));
        return CollectionsMarshal.AsSpan(clauses);
    }

    /// <summary>A term's rarity among the documents: the one formula of both a full build and a delta tier.</summary>
    public static double Idf(int documents, int documentFrequency) => Math.Log(1 + (double)documents / documentFrequency);

    /// <summary>A score from a sum of contributions and its factor for the lists matched (<see cref="Coverage"/>).</summary>
    private static double Final(long score, int matched, double[] coverage) => score * coverage[matched];

    /// <summary>
    /// Per number of lists matched, the factor that turns a fixed-point sum into a score: documents matching more of
    /// the query's words rank above those matching one word many times.
    /// </summary>
    private static double[] Coverage(int words, int lists)
    {
        var coverage = new double[lists + 1];
        for (var matched = 0; matched <= lists; matched++)
            coverage[matched] = words == 0 ? 0 : (Math.Min(1.0, (double)matched / words) + 0.5) / Scale;
        return coverage;
    }
}
