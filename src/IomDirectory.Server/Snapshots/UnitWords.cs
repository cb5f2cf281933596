using IomDirectory.Server.Domain;
using IomDirectory.Server.Text;

namespace IomDirectory.Server.Snapshots;

/// <summary>
/// The raw words of every unit's texts (names, acronym, responsibilities, descriptions), read once per view and
/// numbered, as one int sequence per unit. The routing and the search index are both built from it: reading 100k
/// units' texts (cache misses, splitting, a lookup per word) is most of an index build, and is then done once;
/// each index maps a word number to its own terms once per distinct word.
/// </summary>
public sealed class UnitWords
{
    /// <summary>Where in a unit a word is; an item packs the word number and this.</summary>
    public enum Field { Name, Acronym, Responsibility, Description }

    private const int FieldBits = 2;
    private const int FieldMask = (1 << FieldBits) - 1;
    private const int SampleUnits = 1000;
    private readonly List<int> _items = [];
    private readonly List<int> _texts = [];
    private readonly int[] _starts;
    private readonly int[] _firstTexts;
    private readonly bool[] _hasText;

    public UnitWords(DirectoryView view) : this([.. view.Units.Values])
    {
    }

    /// <summary>The words of these units only, numbered in this order (the few units an incremental index re-reads).</summary>
    public UnitWords(IReadOnlyList<UnitRecord> units)
    {
        Units = units;
        _starts = new int[Units.Count + 1];
        _firstTexts = new int[Units.Count + 1];
        _hasText = new bool[Units.Count];
        var split = new Dictionary<string, (int Start, int End)>(ReferenceEqualityComparer.Instance);
        for (var u = 0; u < Units.Count; u++)
        {
            // Once a sample of units is read, reserve room for all at their average, instead of doubling 30 MB.
            if (u == SampleUnits) _items.EnsureCapacity((int)Math.Min(Array.MaxLength, _items.Count * 1.1 * Units.Count / u));
            _starts[u] = _items.Count;
            _firstTexts[u] = _texts.Count;
            var unit = Units[u];
            Add(u, unit.Name, Field.Name, split);
            if (unit.Acronym is { Length: > 0 } acronym) Add(u, acronym, Field.Acronym, split);
            foreach (var phrases in (ReadOnlySpan<IReadOnlyList<string>>)[unit.Responsibilities.En, unit.Responsibilities.Fr, unit.Responsibilities.Es])
            foreach (var phrase in phrases)
                Add(u, phrase, Field.Responsibility, split);
            Add(u, unit.Description, Field.Description, split);
        }
        _starts[Units.Count] = _items.Count;
        _firstTexts[Units.Count] = _texts.Count;
    }

    /// <summary>The view's units, in the order every index built from this numbers them.</summary>
    public IReadOnlyList<UnitRecord> Units { get; }

    /// <summary>The distinct raw words, by number.</summary>
    public WordNumbers Words { get; } = new();

    /// <summary>The unit's words in order: names, acronym, responsibilities, descriptions.</summary>
    public ReadOnlySpan<int> Of(int unit) =>
        System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_items)[_starts[unit].._starts[unit + 1]];

    /// <summary>
    /// The numbers of the unit's texts, in order: names (as <see cref="LocalizedText.All"/> gives them), acronym,
    /// responsibilities (as <see cref="LocalizedList.All"/>), descriptions.
    /// </summary>
    public Range TextsOf(int unit) => _firstTexts[unit].._firstTexts[unit + 1];

    public Field FieldOfText(int text) => (Field)(_texts[text] & ((1 << FieldBits) - 1));

    public ReadOnlySpan<int> WordsOfText(int text) =>
        System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_items)[(text == 0 ? 0 : _texts[text - 1] >> FieldBits)..(_texts[text] >> FieldBits)];

    /// <summary>Whether the unit has any text at all (possibly without a word in it).</summary>
    public bool HasText(int unit) => _hasText[unit];

    public static int WordOf(int item) => item >> FieldBits;

    public static Field FieldOf(int item) => (Field)(item & ((1 << FieldBits) - 1));

    /// <summary>The text in each language it has (what <see cref="LocalizedText.All"/> gives, without allocating).</summary>
    private void Add(int unit, LocalizedText text, Field field, Dictionary<string, (int Start, int End)> split)
    {
        foreach (var language in (ReadOnlySpan<string>)[text.En, text.Fr, text.Es])
            if (language.Length > 0) Add(unit, language, field, split);
    }

    /// <remarks>
    /// A loaded directory keeps equal texts as one string (<see cref="Infrastructure.LoadPool"/>), and repeats many
    /// (phrases, names, descriptions): a text met before, by reference, takes the word numbers it had then.
    /// </remarks>
    private void Add(int unit, string text, Field field, Dictionary<string, (int Start, int End)> split)
    {
        _hasText[unit] = true;
        if (split.TryGetValue(text, out var before))
        {
            for (var i = before.Start; i < before.End; i++)
                _items.Add(_items[i] & ~FieldMask | (int)field);
        }
        else
        {
            var start = _items.Count;
            foreach (var raw in new RawWords(text))
                _items.Add(Words.Number(raw) << FieldBits | (int)field);
            split[text] = (start, _items.Count);
        }
        _texts.Add(_items.Count << FieldBits | (int)field);
    }
}
