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

    private readonly WordNumbers _words;
    private readonly int[]?[] _stemsOfWord;
    private readonly Postings _postings;
    private readonly IReadOnlyDictionary<string, int> _numbers;
    private readonly double[] _idf;

    public UnitStems(UnitWords words, Lexicon lexicon)
    {
        _words = words.Words;
        var builder = new PostingsBuilder(code => FieldWeights[code]);
        int[] StemsOf(string raw) =>
            [.. RoutingText.Words(raw).Where(w => !lexicon.IsStopword(w.Folded) || w.Capitals).Select(w => builder.Id(w.Stem))];
        var stemsOfWord = new int[]?[_words.Count];
        // An acronym is indexed in capitals, so that "Dtm" counts as the acronym DTM, not as a word.
        var stemsOfAcronymWord = new int[]?[_words.Count];
        for (var unit = 0; unit < words.Units.Count; unit++)
        foreach (var item in words.Of(unit))
        {
            var word = UnitWords.WordOf(item);
            var field = UnitWords.FieldOf(item);
            var stems = field == UnitWords.Field.Acronym
                ? stemsOfAcronymWord[word] ??= StemsOf(_words[word].ToUpperInvariant())
                : stemsOfWord[word] ??= StemsOf(_words[word]);
            var code = CodeOf(field);
            foreach (var stem in stems) builder.Add(unit, stem, code);
        }
        _stemsOfWord = stemsOfWord;
        _postings = builder.Build();
        _numbers = builder.Ids;
        var count = Math.Max(1, words.Units.Count);
        _idf = [.. Enumerable.Range(0, _postings.Terms.Count).Select(s => Math.Log(1 + (double)count / _postings.CountOf(s)))];
    }

    /// <summary>The number of an indexed stem, or -1.</summary>
    public int Number(string stem) => _numbers.GetValueOrDefault(stem, -1);

    /// <summary>Adds to each unit whose texts have the stem the stem's weight there (field weight times IDF).</summary>
    public void AddTextScores(int stem, RoutingScratch scratch)
    {
        var idf = _idf[stem];
        foreach (var posting in _postings.Of(stem))
            scratch.Units[Postings.Document(posting)].Text += FieldWeights[Postings.Code(posting)] * idf;
    }

    /// <summary>
    /// The numbers of the content stems of one of the units' names or responsibilities, repeats included (every
    /// word of those was stemmed in the build; a word met only in an acronym has none here).
    /// </summary>
    public void StemsOf(string text, List<int> stems)
    {
        foreach (var raw in new RawWords(text))
            if (_words.Find(raw) is var word and >= 0)
                stems.AddRange((ReadOnlySpan<int>)_stemsOfWord[word]);
    }

    private static int CodeOf(UnitWords.Field field) => field switch
    {
        UnitWords.Field.Description => 0,
        UnitWords.Field.Responsibility => 1,
        UnitWords.Field.Name => 2,
        _ => 3,
    };
}
