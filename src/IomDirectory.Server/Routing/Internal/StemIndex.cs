using IomDirectory.Server.Routing;
using IomDirectory.Server.Snapshots;
using IomDirectory.Server.Text;
namespace IomDirectory.Server.Routing.Internal;

/// <summary>
/// The stems of some units' texts as postings (a posting per unit and stem, coded by the heaviest field the stem is
/// in) and each unit's phrase stems: what <see cref="UnitStems"/> reads, for all of a view's units (a base) or only for
/// those that changed since (a delta, <see cref="StemDelta"/>). Both are built here, unit by unit alike, so that a unit's
/// postings and phrases are the same whichever holds it.
/// </summary>
internal sealed class StemIndex
{
    /// <summary>The weights of the fields a stem can come from, by posting code: description, responsibility, name, acronym.</summary>
    public static readonly double[] FieldWeights = [0.7, 2.0, 3.0, 4.0];

    private readonly int[] _firstPhrases;
    private readonly int[] _phraseStarts;
    private readonly int[] _phraseStems;

    private StemIndex(Postings postings, IReadOnlyDictionary<string, int> ids, int[] firstPhrases, int[] phraseStarts, int[] phraseStems)
    {
        Postings = postings;
        Ids = ids;
        _firstPhrases = firstPhrases;
        _phraseStarts = phraseStarts;
        _phraseStems = phraseStems;
    }

    /// <summary>Per stem (numbered as <see cref="Ids"/>) the units whose texts have it, numbered as the build was told.</summary>
    public Postings Postings { get; }

    /// <summary>Stem numbers, in order of first sight.</summary>
    public IReadOnlyDictionary<string, int> Ids { get; }

    /// <summary>
    /// The stems of the units of <paramref name="words"/>: unit <c>i</c> is document <paramref name="documents"/>[i]
    /// (increasing), or <c>i</c> itself when null; phrases stay numbered by <c>i</c>. Each distinct word is stemmed once,
    /// then every unit's words become stems by array lookups.
    /// </summary>
    public static StemIndex Build(UnitWords words, Lexicon lexicon, IReadOnlyList<int>? documents = null)
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
                foreach (var stem in stems) builder.Add(documents?[unit] ?? unit, stem, code);
            }
        }
        var (firstPhrases, starts, phraseStems) = Phrases(words, stemsOfWord);
        var postings = builder.Build();
        return new StemIndex(postings, builder.Ids, firstPhrases, starts, phraseStems);
    }

    /// <summary>This with every phrase stem renumbered by <paramref name="map"/> (a delta's stems as its base numbers them).</summary>
    public StemIndex WithPhraseStems(int[] map) =>
        new(Postings, Ids, _firstPhrases, _phraseStarts, [.. _phraseStems.Select(s => map[s])]);

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
