namespace IomDirectory.Server.Routing.Internal;

/// <summary>
/// The words that tell a message's parts apart (data/lexicon/message.json), folded: greetings, courtesy, sign-offs,
/// dates, the cues of the asking sentence, of the asker's place and of an origin. Phrases are folded word sequences.
/// </summary>
public sealed record MessageLexicon(
    IReadOnlyList<string[]> Greetings,
    IReadOnlySet<string> Courtesy,
    IReadOnlyList<string[]> SignOffs,
    int SignatureMaxWords,
    IReadOnlySet<string> Dates,
    IReadOnlyList<string[]> AskCues,
    double AskWeight,
    IReadOnlySet<string> Organization,
    IReadOnlySet<string> AskerCues,
    IReadOnlySet<string> OriginCues,
    IReadOnlySet<string> PlacePrepositions,
    IReadOnlySet<string> PlaceKinds)
{
    public static readonly MessageLexicon Empty = new([], new HashSet<string>(), [], 0, new HashSet<string>(), [], 1.0,
        new HashSet<string>(), new HashSet<string>(), new HashSet<string>(), new HashSet<string>(), new HashSet<string>());

    /// <summary>Whether one of the phrases starts at token <paramref name="at"/>; its length in words, or 0.</summary>
    public static int PhraseAt(IReadOnlyList<string[]> phrases, IReadOnlyList<Token> tokens, int at)
    {
        var best = 0;
        foreach (var phrase in phrases)
        {
            if (phrase.Length <= best || at + phrase.Length > tokens.Count) continue;
            var i = 0;
            while (i < phrase.Length && string.Equals(tokens[at + i].Word.Folded, phrase[i], StringComparison.Ordinal)) i++;
            if (i == phrase.Length) best = phrase.Length;
        }
        return best;
    }
}
