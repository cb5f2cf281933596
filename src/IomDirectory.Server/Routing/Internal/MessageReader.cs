namespace IomDirectory.Server.Routing.Internal;

/// <summary>
/// Reads a message as staff write it (issue #31): which words weigh nothing (an opening greeting, courtesy words,
/// dates, the signature block) and which belong to the ask (the sentence that asks, and the one before it when the
/// asking sentence says little: "… transfer values and targeting. Who can help us?"). A one-sentence question is all
/// ask. Pure function of the tokens and <see cref="MessageLexicon"/>.
/// </summary>
public sealed class MessageReader
{
    /// <summary>An asking sentence with fewer content words than this takes the sentence before it into the ask.</summary>
    private const int ShortAsk = 6;

    private MessageReader(int count) { Ignored = new bool[count]; Ask = new bool[count]; Signature = new bool[count]; }

    /// <summary>Per token: weighs nothing for topics.</summary>
    public bool[] Ignored { get; }
    /// <summary>Per token: part of the sentence(s) that ask.</summary>
    public bool[] Ask { get; }
    /// <summary>Per token: in the signature block.</summary>
    public bool[] Signature { get; }
    /// <summary>Whether the message has more than one sentence with content (an ask apart from context).</summary>
    public bool HasContext { get; private set; }

    public static MessageReader Read(string text, IReadOnlyList<Token> tokens, MessageLexicon words, Func<Word, bool> isContent)
    {
        var reader = new MessageReader(tokens.Count);
        if (tokens.Count == 0) return reader;
        reader.MarkGreeting(text, tokens, words);
        reader.MarkSignature(tokens, words);
        for (var i = 0; i < tokens.Count; i++)
            if (words.Courtesy.Contains(tokens[i].Word.Folded) || words.Dates.Contains(tokens[i].Word.Folded)) reader.Ignored[i] = true;
        reader.MarkAsk(text, tokens, words, isContent);
        return reader;
    }

    /// <summary>"Dear colleagues," "Buenos días, colegas:" "Hi all," — the opening clause, when short.</summary>
    private void MarkGreeting(string text, IReadOnlyList<Token> tokens, MessageLexicon words)
    {
        if (words.Greetings.At(tokens, 0) == 0) return;
        var end = 0;
        while (end < tokens.Count && end < 6 && tokens[end].Sentence == 0)
        {
            end++;
            if (end < tokens.Count && HasClauseBreak(text, tokens[end - 1], tokens[end])) break;
        }
        if (end < tokens.Count && end < 6 && (tokens[end].Sentence > 0 || HasClauseBreak(text, tokens[end - 1], tokens[end])))
            for (var i = 0; i < end; i++) Ignored[i] = true;
    }

    private static bool HasClauseBreak(string text, Token before, Token after)
    {
        for (var i = before.Start; i < after.Start; i++)
            if (text[i] is ',' or ':' or ';' or '!' or '\n') return true;
        return false;
    }

    /// <summary>From the last sign-off near the end ("Many thanks, Abdirahman Hassan, Site Management Officer, IOM Baidoa").</summary>
    private void MarkSignature(IReadOnlyList<Token> tokens, MessageLexicon words)
    {
        var from = Math.Max(1, tokens.Count - words.SignatureMaxWords);
        for (var i = from; i < tokens.Count; i++)
        {
            var length = words.SignOffs.At(tokens, i);
            if (length == 0) continue;
            // A sign-off opens a block only when something follows it (a name), not as the question's last words.
            if (i + length >= tokens.Count) return;
            for (var j = i; j < tokens.Count; j++) { Signature[j] = true; Ignored[j] = true; }
            return;
        }
    }

    private void MarkAsk(string text, IReadOnlyList<Token> tokens, MessageLexicon words, Func<Word, bool> isContent)
    {
        var sentences = tokens[^1].Sentence + 1;
        var content = new int[sentences];
        var asks = new bool[sentences];
        for (var i = 0; i < tokens.Count; i++)
        {
            if (Ignored[i]) continue;
            if (isContent(tokens[i].Word)) content[tokens[i].Sentence]++;
            if (words.AskCues.At(tokens, i) > 0) asks[tokens[i].Sentence] = true;
        }
        // A sentence ending in "?" asks.
        for (var i = 0; i < tokens.Count; i++)
            if (!Ignored[i] && EndsWithQuestionMark(text, tokens, i)) asks[tokens[i].Sentence] = true;
        HasContext = content.Count(c => c > 0) > 1;
        if (!asks.Any(a => a) || !HasContext)
        {
            for (var i = 0; i < tokens.Count; i++) Ask[i] = !Ignored[i];
            return;
        }
        var inAsk = (bool[])asks.Clone();
        for (var s = 1; s < sentences; s++)
            if (asks[s] && content[s] < ShortAsk)
                for (var p = s - 1; p >= 0; p--)
                    if (content[p] > 0) { inAsk[p] = true; break; }
        for (var i = 0; i < tokens.Count; i++) Ask[i] = !Ignored[i] && inAsk[tokens[i].Sentence];
    }

    private static bool EndsWithQuestionMark(string text, IReadOnlyList<Token> tokens, int i)
    {
        if (i + 1 < tokens.Count && tokens[i + 1].Sentence == tokens[i].Sentence) return false;
        var end = i + 1 < tokens.Count ? tokens[i + 1].Start : text.Length;
        for (var c = tokens[i].Start; c < end; c++)
            if (text[c] == '?') return true;
        return false;
    }
}
