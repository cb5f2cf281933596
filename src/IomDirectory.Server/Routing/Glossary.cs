namespace IomDirectory.Server.Routing;

/// <summary>
/// Humanitarian and IOM acronyms with their expansions in EN/FR/ES (data/lexicon/glossary.json). An acronym written
/// as one ("CCCM", "S&amp;S", "GBViC", "L3"; not "It" for IT) reads as its expansions, so that topics and unit texts match.
/// </summary>
public sealed class Glossary
{
    /// <summary>One acronym: its folded words ("s&amp;s" → ["s", "s"]), its letters as written, its expansions' words.</summary>
    /// <remarks><see cref="Languages"/>: the languages of messages where it means this (empty: all), for an acronym that
    /// means something else in another language ("SAP": an early warning system in French, an ERP in English).</remarks>
    public sealed record Entry(string[] Folded, string Written, IReadOnlyDictionary<string, string> Expansions,
        IReadOnlyDictionary<string, IReadOnlyList<Word>> Words, IReadOnlyList<string> Languages)
    {
        /// <summary>The words an acronym reads as in a message of this language: its expansion there and in English (the
        /// other languages' would match their own terms, "conseils en ressources humaines" for HR, across languages).</summary>
        public IReadOnlyList<Word> WordsIn(string language) =>
            language == "en" || !Words.TryGetValue(language, out var own) ? Words.GetValueOrDefault("en") ?? []
            : [.. own, .. Words.GetValueOrDefault("en") ?? []];
    }

    private readonly Dictionary<string, List<Entry>> _byFirst = new(StringComparer.Ordinal);

    public Glossary(IEnumerable<Entry> entries)
    {
        foreach (var entry in entries)
        {
            if (!_byFirst.TryGetValue(entry.Folded[0], out var list)) _byFirst[entry.Folded[0]] = list = [];
            list.Add(entry);
        }
        foreach (var list in _byFirst.Values) list.Sort((a, b) => b.Folded.Length.CompareTo(a.Folded.Length));
    }

    public static readonly Glossary Empty = new([]);

    /// <summary>All entries, for search and tests.</summary>
    public IEnumerable<Entry> Entries => _byFirst.Values.SelectMany(l => l).Distinct();

    /// <summary>The acronym written at token <paramref name="at"/>, and how many tokens it takes; (null, 0) if none.</summary>
    /// <param name="language">The message's language; null: any (search, which does not detect one).</param>
    public (Entry? Entry, int Length) At(string text, IReadOnlyList<Token> tokens, int at, string? language)
    {
        if (!_byFirst.TryGetValue(tokens[at].Word.Folded, out var candidates)) return (null, 0);
        foreach (var entry in candidates)
        {
            if (at + entry.Folded.Length > tokens.Count || (language is not null && entry.Languages.Count > 0 && !entry.Languages.Contains(language))) continue;
            var matches = true;
            for (var i = 0; i < entry.Folded.Length && matches; i++)
                matches = string.Equals(tokens[at + i].Word.Folded, entry.Folded[i], StringComparison.Ordinal)
                          && WrittenAsAcronym(text, tokens[at + i], entry.Written.Length);
            if (matches) return (entry, entry.Folded.Length);
        }
        return (null, 0);
    }

    /// <summary>
    /// How search reads a text: the text, then the expansions in every language of the acronyms written in it, so that
    /// "SMAPS" or "S&amp;S" find the unit whose name spells them out. The text itself when it has none.
    /// </summary>
    public string Expand(string text)
    {
        if (_byFirst.Count == 0) return text;
        var tokens = RoutingText.Tokens(text);
        System.Text.StringBuilder? expanded = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            var (entry, length) = At(text, tokens, i, language: null);
            if (entry is null) continue;
            expanded ??= new System.Text.StringBuilder(text);
            foreach (var expansion in entry.Expansions.Values) expanded.Append(' ').Append(expansion);
            i += length - 1;
        }
        return expanded?.ToString() ?? text;
    }

    /// <summary>
    /// A word written as an acronym: it starts with a capital and, when it has two letters or more, has at least two
    /// capitals ("PoC", "GBViC", "L3", "S"), unless the acronym is long enough (four letters or more) to be no word
    /// people write in lower case by chance.
    /// </summary>
    private static bool WrittenAsAcronym(string text, Token token, int acronymLength)
    {
        if (acronymLength >= 4) return true;
        if (!token.Initial) return false;
        int letters = 0, capitals = 0;
        for (var i = token.Start; i < text.Length && IomDirectory.Server.Text.TextNormalizer.IsWordChar(text[i]); i++)
        {
            if (!char.IsLetter(text[i])) continue;
            letters++;
            if (char.IsUpper(text[i])) capitals++;
        }
        return capitals >= Math.Min(2, letters);
    }
}
