using IomDirectory.Server.Snapshots;
using IomDirectory.Server.Text;
using System.Runtime.InteropServices;
using IomDirectory.Server.Routing.Internal;

namespace IomDirectory.Server.Routing;

/// <summary>
/// The stems of the units' names, acronyms, responsibilities and descriptions, as postings weighted by field and
/// rarity (IDF), built from the view's <see cref="UnitWords"/> (<see cref="StemIndex"/>). An incremental index
/// (<see cref="RoutingIndex.Next"/>) reads a base's postings less its masked units, plus a small delta of the changed
/// and new units' own (<see cref="StemDelta"/>); its rarities are those of all of today's units, as a fresh build's.
/// </summary>
public sealed class UnitStems
{
    /// <summary>In fewer units than this no stem is <see cref="IsUbiquitous"/>, whatever the directory's size.</summary>
    public const int UbiquitousMinimum = 5000;

    private static double[] FieldWeights => StemIndex.FieldWeights;

    private readonly int _ubiquitousAbove;
    private readonly int _count;
    private readonly StemIndex _base;
    private readonly StemDelta? _delta;

    public UnitStems(UnitWords words, Lexicon lexicon) : this(StemIndex.Build(words, lexicon), null, words.Units.Count)
    {
    }

    private UnitStems(StemIndex @base, StemDelta? delta, int units)
    {
        _base = @base;
        _delta = delta;
        _count = Math.Max(1, units);
        _ubiquitousAbove = Math.Max(UbiquitousMinimum, _count / 10);
    }

    /// <summary>
    /// The stems of a view of <paramref name="units"/> units in all: this one's base with the <paramref name="masked"/>
    /// base units' postings left out and the <paramref name="changed"/> units' (by increasing number) added.
    /// </summary>
    internal UnitStems Next(Lexicon lexicon, int units, IReadOnlyList<(int Number, Domain.UnitRecord Unit)> changed,
        IReadOnlyList<(int Number, Domain.UnitRecord Unit)> masked) =>
        new(_base, new StemDelta(_base, lexicon, changed, masked), units);

    /// <summary>
    /// Whether the stem is all over a large directory: in the texts of more than a tenth of the units, and of more than
    /// <see cref="UbiquitousMinimum"/>. Such a stem tells no unit apart (its IDF is low), and scoring it would make a
    /// question cost the size of the directory. A small directory has none.
    /// </summary>
    public bool IsUbiquitous(int stem) => CountOf(stem) > _ubiquitousAbove;

    /// <summary>How many units have the stem in their texts.</summary>
    public int CountOf(int stem) => _delta?.CountOf(stem) ?? _base.Postings.CountOf(stem);

    /// <summary>The number of an indexed stem (one some unit has), or -1.</summary>
    public int Number(string stem)
    {
        if (_delta is null) return _base.Ids.GetValueOrDefault(stem, -1);
        var number = _base.Ids.TryGetValue(stem, out var known) ? known : _delta.NewStems.GetValueOrDefault(stem, -1);
        return number >= 0 && _delta.CountOf(number) > 0 ? number : -1;
    }

    /// <summary>The stem's rarity among all the units (computed as a fresh build's, whatever the layers).</summary>
    private double Idf(int stem) => Math.Log(1 + (double)_count / CountOf(stem));

    /// <summary>The units whose texts have the stem and its weight in each, in list order (heaviest field first; then the
    /// delta's): for tests.</summary>
    internal IEnumerable<(int Unit, double Weight)> Matches(int stem)
    {
        var idf = Idf(stem);
        var matches = new List<(int, double)>();
        if (stem < _base.Postings.Terms.Count)
            foreach (var posting in _base.Postings.Of(stem))
                if (_delta is null || !_delta.IsMasked(Postings.Document(posting)))
                    matches.Add((Postings.Document(posting), FieldWeights[Postings.Code(posting)] * idf));
        if (_delta is not null && _delta.LocalOf(stem) is var local and >= 0)
            foreach (var posting in _delta.Index.Postings.Of(local))
                matches.Add((Postings.Document(posting), FieldWeights[Postings.Code(posting)] * idf));
        return matches;
    }

    /// <summary>
    /// Scores the units' texts for the stems (each occurrence counts): a unit's text score is the sum, in the order of
    /// the stems, of each stem's weight there (field weight times IDF). Units already in <paramref name="scratch"/>
    /// (those a concept names) get theirs in <see cref="RoutingScratch.UnitScore.Text"/>; every other unit matched is
    /// listed in <see cref="RoutingScratch.TextUnits"/> in the order reading the lists one after the other would first
    /// reach it (stem by stem, each list in impact order), which fixes the order contacts sum their units in.
    /// </summary>
    /// <remarks>
    /// The lists are read together, one window of unit numbers at a time, into a window-sized accumulator that stays
    /// in the CPU's nearest cache. Reading them one after the other into a directory-sized array cost a cache miss
    /// per posting once a large directory's array no longer fit (tens of thousands of misses for a common question).
    /// </remarks>
    public void AddTextScores(ReadOnlySpan<int> stems, RoutingScratch scratch)
    {
        var clauses = scratch.TextClauses;
        foreach (var stem in stems)
        {
            var idf = Idf(stem);
            if (stem < _base.Postings.Terms.Count) AddClauses(clauses, _base.Postings, stem, idf, delta: false);
            if (_delta is not null && _delta.LocalOf(stem) is var local and >= 0) AddClauses(clauses, _delta.Index.Postings, local, idf, delta: true);
        }
        if (clauses.Count == 0) return;
        var named = scratch.NamedUnitsByNumber();
        var windows = new TextWindows(this, scratch, named);
        while (windows.Next()) { }
    }

    /// <summary>The segments of one list, in list order: the base's for a stem, then the delta's.</summary>
    private static void AddClauses(List<RoutingScratch.TextClause> clauses, Postings postings, int term, double idf, bool delta)
    {
        var list = postings.Of(term);
        for (var start = 0; start < list.Length;)
        {
            var end = postings.SegmentEnd(term, start);
            clauses.Add(new RoutingScratch.TextClause(term, start, end, FieldWeights[Postings.Code(list[start])] * idf, delta));
            start = end;
        }
    }

    private ReadOnlySpan<int> ListOf(in RoutingScratch.TextClause clause) =>
        clause.Delta ? _delta!.Index.Postings.Of(clause.Stem) : _base.Postings.Of(clause.Stem);

    /// <summary>The window pass of <see cref="AddTextScores"/>; see there. A base list skips the units the delta masks.</summary>
    private ref struct TextWindows(UnitStems stems, RoutingScratch scratch, ReadOnlySpan<int> named)
    {
        private const int Size = RoutingScratch.TextWindow;
        private readonly Span<RoutingScratch.TextClause> _clauses = CollectionsMarshal.AsSpan(scratch.TextClauses);
        private readonly Span<double> _text = scratch.WindowText;
        private readonly Span<int> _first = scratch.WindowFirst;
        private readonly Span<int> _reached = scratch.WindowReached;
        private readonly ReadOnlySpan<int> _named = named;
        private int _nextNamed;

        /// <summary>Reads the next window that any list has postings in; false when all are read.</summary>
        public bool Next()
        {
            var low = int.MaxValue;
            foreach (ref var clause in _clauses)
                if (clause.Position < clause.End)
                    low = Math.Min(low, Postings.Document(stems.ListOf(clause)[clause.Position]));
            if (low == int.MaxValue) return false;
            var start = low & ~(Size - 1);
            var limit = start + Size;

            while (_nextNamed < _named.Length && _named[_nextNamed] < start) _nextNamed++;
            var namedEnd = _nextNamed;
            for (; namedEnd < _named.Length && _named[namedEnd] < limit; namedEnd++) _first[_named[namedEnd] - start] = int.MaxValue;

            // Units in the order first reached: clause by clause, each clause's in list order.
            var reached = 0;
            for (var c = 0; c < _clauses.Length; c++)
            {
                ref var clause = ref _clauses[c];
                var list = stems.ListOf(clause);
                ReadOnlySpan<ulong> masked = clause.Delta || stems._delta is null ? [] : stems._delta.Masked;
                var weight = clause.Weight;
                var p = clause.Position;
                for (int d; p < clause.End && (d = Postings.Document(list[p]) - start) < Size; p++)
                {
                    var unit = d + start;
                    if (unit >> 6 < masked.Length && (masked[unit >> 6] & (1UL << unit)) != 0) continue;
                    _text[d] += weight;
                    if (_first[d] >= 0) continue;
                    _first[d] = c;
                    _reached[reached++] = d;
                }
                clause.Position = p;
            }

            foreach (var d in _reached[..reached])
            {
                scratch.AddTextUnit(ref _clauses[_first[d]], d + start, _text[d]);
                _text[d] = 0;
                _first[d] = -1;
            }

            for (var n = _nextNamed; n < namedEnd; n++)
            {
                var d = _named[n] - start;
                scratch.Units.Existing(_named[n]).Text = _text[d];
                _text[d] = 0;
                _first[d] = -1;
            }
            _nextNamed = namedEnd;
            return true;
        }
    }

    /// <summary>
    /// The distinct content stems of each of the unit's phrases, in the order of its responsibilities
    /// (<see cref="Domain.LocalizedList.All"/>) then its names (<see cref="Domain.LocalizedText.All"/>).
    /// </summary>
    public ReadOnlySpan<int> PhraseStems(int unit, int phrase) =>
        _delta is not null && _delta.TryLocal(unit, out var local) ? _delta.Index.PhraseStems(local, phrase) : _base.PhraseStems(unit, phrase);
}
