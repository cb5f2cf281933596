namespace IomDirectory.Server.Routing.Internal;

/// <summary>
/// The words that tell a message's parts apart (data/lexicon/message.json), folded: greetings, courtesy, sign-offs,
/// dates, the cues of the asking sentence, of the asker's place and of an origin. Phrases are folded word sequences.
/// </summary>
public sealed record MessageLexicon(
    PhraseSet Greetings,
    IReadOnlySet<string> Courtesy,
    PhraseSet SignOffs,
    int SignatureMaxWords,
    IReadOnlySet<string> Dates,
    PhraseSet AskCues,
    double AskWeight,
    IReadOnlySet<string> Organization,
    IReadOnlySet<string> AskerCues,
    IReadOnlySet<string> OriginCues,
    IReadOnlySet<string> PlacePrepositions,
    IReadOnlySet<string> PlaceKinds)
{
    public static readonly MessageLexicon Empty = new(PhraseSet.Empty, new HashSet<string>(), PhraseSet.Empty, 0, new HashSet<string>(), PhraseSet.Empty, 1.0,
        new HashSet<string>(), new HashSet<string>(), new HashSet<string>(), new HashSet<string>(), new HashSet<string>());

}

/// <summary>Folded word sequences ("many thanks", "qui peut"), looked up by their first word.</summary>
public sealed class PhraseSet
{
    private readonly Dictionary<string, string[][]> _byFirst;

    public PhraseSet(IEnumerable<string[]> phrases) =>
        _byFirst = phrases.Where(p => p.Length > 0).GroupBy(p => p[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.Length).ToArray(), StringComparer.Ordinal);

    public static readonly PhraseSet Empty = new([]);

    /// <summary>The length in words of the longest phrase starting at token <paramref name="at"/>, or 0.</summary>
    public int At(IReadOnlyList<Token> tokens, int at)
    {
        if (!_byFirst.TryGetValue(tokens[at].Word.Folded, out var phrases)) return 0;
        foreach (var phrase in phrases)
        {
            if (at + phrase.Length > tokens.Count) continue;
            var i = 1;
            while (i < phrase.Length && string.Equals(tokens[at + i].Word.Folded, phrase[i], StringComparison.Ordinal)) i++;
            if (i == phrase.Length) return phrase.Length;
        }
        return 0;
    }
}
