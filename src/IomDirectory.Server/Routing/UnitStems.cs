using System.Runtime.InteropServices;
using IomDirectory.Server.ReadModel;

namespace IomDirectory.Server.Routing;

/// <summary>
/// The stems of the units' names, acronyms, responsibilities and descriptions, as postings weighted by field and
/// rarity (IDF), built from the view's <see cref="UnitWords"/>: each distinct word is stemmed once, then every
/// unit's words become stems by array lookups.
/// </summary>
public sealed class UnitStems
{
    /// <summary>The weights of the fields a stem can come from, by posting code: description, responsibility, name, acronym.</summary>
    private static readonly double[] FieldWeights = [0.7, 2.0, 3.0, 4.0];

    /// <summary>In fewer units than this no stem is <see cref="IsUbiquitous"/>, whatever the directory's size.</summary>
    public const int UbiquitousMinimum = 5000;

    private readonly int _ubiquitousAbove;

    private readonly int[] _firstPhrases;
    private readonly int[] _phraseStarts;
    private readonly int[] _phraseStems;
    private readonly Postings _postings;
    private readonly IReadOnlyDictionary<string, int> _numbers;
    private readonly double[] _idf;

    public UnitStems(UnitWords words, Lexicon lexicon)
    {
        var vocabulary = words.Words;
        var builder = new PostingsBuilder(code => FieldWeights[code]);
        int[] StemsOf(string raw) =>
            [.. RoutingText.Words(raw).Where(w => !lexicon.IsStopword(w.Folded) || w.Capitals).Select(w => builder.Id(w.Stem))];
        var stemsOfWord = new int[]?[vocabulary.Count];
        // An acronym is indexed in capitals, so that "Dtm" counts as the acronym DTM, not as a word.
        var stemsOfAcronymWord = new int[]?[vocabulary.Count];
        for (var pass = 0; pass < 2; pass++)
        {
            if (pass == 1) builder.StartFilling();
            for (var unit = 0; unit < words.Units.Count; unit++)
            foreach (var item in words.Of(unit))
            {
                var word = UnitWords.WordOf(item);
                var field = UnitWords.FieldOf(item);
                var stems = field == UnitWords.Field.Acronym
                    ? stemsOfAcronymWord[word] ??= StemsOf(vocabulary[word].ToUpperInvariant())
                    : stemsOfWord[word] ??= StemsOf(vocabulary[word]);
                var code = CodeOf(field);
                foreach (var stem in stems) builder.Add(unit, stem, code);
            }
        }
        (_firstPhrases, _phraseStarts, _phraseStems) = Phrases(words, stemsOfWord);
        _postings = builder.Build();
        _numbers = builder.Ids;
        var count = Math.Max(1, words.Units.Count);
        _ubiquitousAbove = Math.Max(UbiquitousMinimum, count / 10);
        _idf = [.. Enumerable.Range(0, _postings.Terms.Count).Select(s => Math.Log(1 + (double)count / _postings.CountOf(s)))];
    }

    /// <summary>
    /// Whether the stem is all over a large directory: in the texts of more than a tenth of the units, and of more than
    /// <see cref="UbiquitousMinimum"/>. Such a stem tells no unit apart (its IDF is low), and scoring it would make a
    /// question cost the size of the directory. A small directory has none.
    /// </summary>
    public bool IsUbiquitous(int stem) => _postings.CountOf(stem) > _ubiquitousAbove;

    /// <summary>How many units have the stem in their texts.</summary>
    public int CountOf(int stem) => _postings.CountOf(stem);

    /// <summary>The number of an indexed stem, or -1.</summary>
    public int Number(string stem) => _numbers.GetValueOrDefault(stem, -1);

    /// <summary>The units whose texts have the stem and its weight in each, in list order (heaviest field first): for tests.</summary>
    internal IEnumerable<(int Unit, double Weight)> Matches(int stem) =>
        _postings.Of(stem).ToArray().Select(posting => (Postings.Document(posting), FieldWeights[Postings.Code(posting)] * _idf[stem]));

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
            var list = _postings.Of(stem);
            for (var start = 0; start < list.Length;)
            {
                var end = _postings.SegmentEnd(stem, start);
                clauses.Add(new RoutingScratch.TextClause(stem, start, end, FieldWeights[Postings.Code(list[start])] * _idf[stem]));
                start = end;
            }
        }
        if (clauses.Count == 0) return;
        var named = scratch.NamedUnitsByNumber();
        var windows = new TextWindows(this, scratch, named);
        while (windows.Next()) { }
    }

    /// <summary>The window pass of <see cref="AddTextScores"/>; see there.</summary>
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
                    low = Math.Min(low, Postings.Document(stems._postings.Of(clause.Stem)[clause.Position]));
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
                var list = stems._postings.Of(clause.Stem);
                var weight = clause.Weight;
                var p = clause.Position;
                for (int d; p < clause.End && (d = Postings.Document(list[p]) - start) < Size; p++)
                {
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
    public ReadOnlySpan<int> PhraseStems(int unit, int phrase)
    {
        var number = _firstPhrases[unit] + phrase;
        return _phraseStems.AsSpan(_phraseStarts[number].._phraseStarts[number + 1]);
    }

    /// <summary>Phrase stems worked out once here, so that explaining a text match costs no text reading.</summary>
    private static (int[] FirstPhrases, int[] Starts, int[] Stems) Phrases(UnitWords words, int[]?[] stemsOfWord)
    {
        var firstPhrases = new int[words.Units.Count + 1];
        var starts = new List<int>();
        var stems = new List<int>();
        for (var unit = 0; unit < words.Units.Count; unit++)
        {
            firstPhrases[unit] = starts.Count;
            foreach (var field in (ReadOnlySpan<UnitWords.Field>)[UnitWords.Field.Responsibility, UnitWords.Field.Name])
            for (var text = words.TextsOf(unit).Start.Value; text < words.TextsOf(unit).End.Value; text++)
            {
                if (words.FieldOfText(text) != field) continue;
                var start = stems.Count;
                starts.Add(start);
                foreach (var item in words.WordsOfText(text))
                foreach (var stem in stemsOfWord[UnitWords.WordOf(item)]!)
                    if (stems.IndexOf(stem, start) < 0) stems.Add(stem);
            }
        }
        firstPhrases[^1] = starts.Count;
        starts.Add(stems.Count);
        return (firstPhrases, [.. starts], [.. stems]);
    }

    private static int CodeOf(UnitWords.Field field) => field switch
    {
        UnitWords.Field.Description => 0,
        UnitWords.Field.Responsibility => 1,
        UnitWords.Field.Name => 2,
        _ => 3,
    };
}
