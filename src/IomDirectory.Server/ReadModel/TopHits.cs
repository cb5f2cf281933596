using System.Numerics;

namespace IomDirectory.Server.ReadModel;

/// <summary>
/// The best hits of a search and the count of all its matches, without scoring every match when a page is all that
/// is asked for. Exact: the same hits, scores and order as scoring every matching document.
/// </summary>
/// <remarks>
/// <para>
/// A query is a set of posting lists (a term, and the terms a longer word prefixes, each with a factor). A document is
/// in a list at most once, and the posting's field decides its contribution: the field's weight × the term's IDF ×
/// the list's factor. Its score is the sum of its contributions times its coverage (the share of the query's words it
/// matched, which only grows as contributions are added).
/// </para>
/// <para>
/// Lists are in impact order (<see cref="Postings"/>), so every list is a few segments of equal contribution. The
/// segments of all lists are added heaviest first ("score at a time"). Once at least a page of documents has been
/// seen, the page's worst partial score is a floor the final page cannot fall below; a document not seen yet can
/// score at most the heaviest segment left in each list. When that is below the floor, the rest of the segments
/// (a common word's long tail of descriptions) are read only for the documents that can still reach the floor, by
/// binary search or one pass, whichever reads less. The count of matches is a union of bits (no scoring): a
/// bitmap kept for each common term, a bit per posting for the others.
/// </para>
/// <para>
/// Contributions are summed as fixed-point integers (2^-32), so a sum does not depend on the order it was added in:
/// two documents with the same matches tie exactly, which the ranking breaks by id.
/// </para>
/// </remarks>
internal sealed class TopHits
{
    public const uint AllKinds = uint.MaxValue;
    private const double Scale = 4294967296.0;

    /// <summary>The largest page whose best documents are tracked while adding postings (deeper pages are rare).</summary>
    private const int MaxTrackedPage = 1000;
    private readonly Postings _postings;
    private readonly byte[] _kinds;
    private readonly double[] _weights;
    private readonly int[] _idRanks;
    private readonly ulong[][] _kindBits;
    private readonly Dictionary<int, ulong[]> _denseTerms = [];

    /// <summary>
    /// A term in at least this many documents per 64 keeps its documents as a bitmap too: counting a query's matches
    /// then ORs a few thousand words instead of setting a bit per posting of its common words.
    /// </summary>
    private const int DensePerWord = 2;

    /// <param name="kinds">Each document's kind code.</param>
    /// <param name="weights">Each posting code's field weight.</param>
    /// <param name="idRanks">Each document's place in the ordinal order of ids: the tie-break.</param>
    public TopHits(Postings postings, byte[] kinds, double[] weights, int[] idRanks)
    {
        _postings = postings;
        _kinds = kinds;
        _weights = weights;
        _idRanks = idRanks;
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

    /// <summary>A posting list of the query: a term, and how much its matches count (1 for the word itself).</summary>
    public readonly record struct QueryList(int Term, double Factor);

    /// <summary>A run of one list whose postings all contribute the same; <see cref="Next"/> is the list's next one's, -1 for none.</summary>
    public readonly record struct Segment(int List, int Term, int Start, int End, int Code, long Contribution, long Next);

    public readonly record struct Hit(int Document, double Score, ushort Fields);

    /// <summary>A hit while ranking: by score, then id, then document number.</summary>
    private readonly record struct Ranked(int Document, double Score, int IdRank) : IRanked<Ranked>
    {
        public int CompareTo(Ranked other)
        {
            var byScore = other.Score.CompareTo(Score);
            if (byScore != 0) return byScore;
            var byId = IdRank.CompareTo(other.IdRank);
            return byId != 0 ? byId : Document.CompareTo(other.Document);
        }
    }

    /// <summary>
    /// Adds the <paramref name="take"/> best documents of the allowed kinds that the scratch's
    /// <see cref="SearchScratch.Lists"/> match to <paramref name="best"/>, best first; returns how many match in all.
    /// </summary>
    /// <param name="words">How many distinct words the query has (for coverage).</param>
    public int Rank(SearchScratch scratch, int words, uint allowedKinds, int take, List<Hit> best)
    {
        var total = CountMatches(scratch, allowedKinds);
        if (take <= 0 || total == 0) return total;
        var segments = Segments(scratch);
        var coverage = Coverage(words, scratch.Lists.Count);
        var next = Accumulate(scratch, coverage, allowedKinds, take, out var floor);
        var ranked = next == segments.Count ? scratch.Totals.Touched : Complete(scratch, next, coverage, floor);
        var selection = new TopSelection<Ranked>(take);
        foreach (var document in ranked)
        {
            ref var sum = ref scratch.Totals.Existing(document);
            var score = Final(sum.Score, sum.Matched, coverage);
            if (selection.Admits(score)) selection.Offer(new Ranked(document, score, _idRanks[document]));
        }
        foreach (var hit in selection.Best()) best.Add(new Hit(hit.Document, hit.Score, scratch.Totals.Existing(hit.Document).Fields));
        return total;
    }

    /// <summary>The documents of the allowed kinds in any of the lists: their bits (a bitmap or a bit per posting), then a population count.</summary>
    private int CountMatches(SearchScratch scratch, uint allowedKinds)
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
        var vectors = System.Runtime.InteropServices.MemoryMarshal.Cast<ulong, Vector<ulong>>(bits);
        var others = System.Runtime.InteropServices.MemoryMarshal.Cast<ulong, Vector<ulong>>(other);
        for (var i = 0; i < vectors.Length; i++) vectors[i] |= others[i];
        for (var i = vectors.Length * Vector<ulong>.Count; i < bits.Length; i++) bits[i] |= other[i];
    }

    /// <summary>Every list's segments, heaviest first (a list's own segments stay in their order).</summary>
    private List<Segment> Segments(SearchScratch scratch)
    {
        var segments = scratch.Segments;
        var documents = _kinds.Length;
        for (var list = 0; list < scratch.Lists.Count; list++)
        {
            var (term, factor) = scratch.Lists[list];
            var postings = _postings.Of(term);
            var idf = Math.Log(1 + (double)documents / postings.Length);
            var first = segments.Count;
            for (var start = 0; start < postings.Length;)
            {
                var end = _postings.SegmentEnd(term, start);
                var code = Postings.Code(postings[start]);
                segments.Add(new Segment(list, term, start, end, code, (long)Math.Round(_weights[code] * idf * factor * Scale), -1));
                start = end;
            }
            for (var s = first; s + 1 < segments.Count; s++) segments[s] = segments[s] with { Next = segments[s + 1].Contribution };
            scratch.Remaining.Add(segments.Count > first ? segments[first].Contribution : -1);
        }
        segments.Sort(static (a, b) => b.Contribution != a.Contribution ? b.Contribution.CompareTo(a.Contribution)
            : a.List != b.List ? a.List.CompareTo(b.List) : a.Start.CompareTo(b.Start));
        return segments;
    }

    /// <summary>
    /// Adds segments, heaviest first, until the rest could not bring a document not seen yet onto the page; returns
    /// the first segment not added, and the floor: the page's worst document then, by its running score.
    /// </summary>
    /// <remarks>
    /// The best <paramref name="take"/> so far are kept up to date segment by segment: only the documents of the
    /// segment just added and the best before it can have changed places, so the floor costs a comparison per
    /// posting rather than a pass over every document seen. A deep page (a large take) is ranked without stopping.
    /// </remarks>
    private int Accumulate(SearchScratch scratch, double[] coverage, uint allowedKinds, int take, out Ranked floor)
    {
        var segments = scratch.Segments;
        var best = scratch.Best;
        var tracked = take <= MaxTrackedPage;
        floor = default;
        for (var s = 0; s < segments.Count; s++)
        {
            var segment = segments[s];
            var list = segment.List < 64 ? 1UL << segment.List : 0;
            var field = (ushort)(1 << segment.Code);
            var selection = tracked ? new TopSelection<Ranked>(take) : null;
            foreach (var posting in _postings.Of(segment.Term)[segment.Start..segment.End])
            {
                var document = Postings.Document(posting);
                if (allowedKinds != AllKinds && (allowedKinds & 1u << _kinds[document]) == 0) continue;
                ref var total = ref scratch.Totals[document];
                total.Score += segment.Contribution;
                total.Matched++;
                total.Lists |= list;
                total.Fields |= field;
                if (selection is null || total.Best) continue;
                var score = Final(total.Score, total.Matched, coverage);
                if (selection.Admits(score)) selection.Offer(new Ranked(document, score, _idRanks[document]));
            }
            scratch.Remaining[segment.List] = segment.Next;
            if (selection is null) continue;
            foreach (var document in best)
            {
                ref var total = ref scratch.Totals.Existing(document);
                total.Best = false;
                var score = Final(total.Score, total.Matched, coverage);
                if (selection.Admits(score)) selection.Offer(new Ranked(document, score, _idRanks[document]));
            }
            best.Clear();
            foreach (var kept in selection.Items)
            {
                scratch.Totals.Existing(kept.Document).Best = true;
                best.Add(kept.Document);
            }
            if (selection.Worst is not { } worst) continue;
            floor = worst;
            var rest = Rest.Of(scratch.Remaining);
            if (Final(rest.Sum, rest.Lists, coverage) < floor.Score) return s + 1;
        }
        return segments.Count;
    }

    /// <summary>
    /// What the segments not added yet can still add: per list the heaviest one left, summed over the lists that have
    /// any (<see cref="Mask"/>: which of the first 64 do).
    /// </summary>
    private readonly record struct Rest(long Sum, int Lists, ulong Mask)
    {
        public static Rest Of(List<long> remaining)
        {
            long sum = 0;
            var mask = 0UL;
            var lists = 0;
            for (var list = 0; list < remaining.Count; list++)
            {
                if (remaining[list] < 0) continue;
                sum += remaining[list];
                lists++;
                if (list < 64) mask |= 1UL << list;
            }
            return new Rest(sum, lists, mask);
        }

        /// <summary>
        /// The most a document with this running total can still score: the heaviest segment left of each list it is
        /// not in (a document is in a list once).
        /// </summary>
        public double Bound(in SearchScratch.Total total, List<long> remaining, double[] coverage)
        {
            var score = total.Score + Sum;
            var matched = total.Matched + Lists;
            for (var both = total.Lists & Mask; both != 0; both &= both - 1)
            {
                score -= remaining[BitOperations.TrailingZeroCount(both)];
                matched--;
            }
            return Final(score, matched, coverage);
        }
    }

    /// <summary>
    /// The documents seen that can still rank at or above the floor (a tie on score goes by id, as in the ranking),
    /// their totals completed from the segments from <paramref name="next"/> on.
    /// </summary>
    private List<int> Complete(SearchScratch scratch, int next, double[] coverage, Ranked floor)
    {
        var candidates = scratch.Candidates;
        var rest = Rest.Of(scratch.Remaining);
        foreach (var document in scratch.Totals.Touched)
        {
            ref var total = ref scratch.Totals.Existing(document);
            var bound = rest.Bound(total, scratch.Remaining, coverage);
            if (bound < floor.Score || new Ranked(document, bound, _idRanks[document]).CompareTo(floor) > 0) continue;
            total.Candidate = true;
            candidates.Add(document);
        }
        var segments = scratch.Segments;
        long left = 0, searches = 0;
        for (var s = next; s < segments.Count; s++)
        {
            var length = segments[s].End - segments[s].Start;
            left += length;
            searches += (long)candidates.Count * (1 + BitOperations.Log2((uint)length));
        }
        if (searches < left) SearchSegments(scratch, next, candidates);
        else ReadSegments(scratch, next);
        return candidates;
    }

    /// <summary>Finds each candidate in the segments left of the lists it is not in yet, by binary search.</summary>
    private void SearchSegments(SearchScratch scratch, int next, List<int> candidates)
    {
        var segments = scratch.Segments;
        foreach (var document in candidates)
        {
            ref var total = ref scratch.Totals.Existing(document);
            for (var s = next; s < segments.Count; s++)
            {
                var segment = segments[s];
                if (segment.List < 64 && (total.Lists & 1UL << segment.List) != 0) continue;
                if (_postings.SegmentHas(segment.Term, segment.Start, segment.End, document)) Add(ref total, segment);
            }
        }
    }

    /// <summary>Reads the segments left once, adding their postings to the candidates only.</summary>
    private void ReadSegments(SearchScratch scratch, int next)
    {
        var segments = scratch.Segments;
        for (var s = next; s < segments.Count; s++)
        {
            var segment = segments[s];
            foreach (var posting in _postings.Of(segment.Term)[segment.Start..segment.End])
            {
                var document = Postings.Document(posting);
                if (!scratch.Totals.IsTouched(document)) continue;
                ref var total = ref scratch.Totals.Existing(document);
                if (total.Candidate) Add(ref total, segment);
            }
        }
    }

    private static void Add(ref SearchScratch.Total total, Segment segment)
    {
        total.Score += segment.Contribution;
        total.Matched++;
        if (segment.List < 64) total.Lists |= 1UL << segment.List;
        total.Fields |= (ushort)(1 << segment.Code);
    }

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
