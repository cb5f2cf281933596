using IomDirectory.Server.Routing.Internal;

namespace IomDirectory.Server.Routing;

/// <summary>What a question says, as far as routing is concerned: its words, the concepts it names, the countries
/// and sub-regions it mentions, the places it names and in what role. A message is read first
/// (<see cref="MessageReader"/>): greetings, courtesy, dates and the signature weigh nothing; topics of the sentence
/// that asks weigh more than those of the context. Pure function of the question and the index.</summary>
public sealed class QueryAnalysis
{
    private QueryAnalysis(List<Word> words, string[] contentStems, string language)
    {
        Words = words;
        ContentStems = contentStems;
        Language = language;
    }

    /// <summary>The words that weigh (not greeting, courtesy, date or signature), as routing reads them.</summary>
    public List<Word> Words { get; }
    public string[] ContentStems { get; }
    /// <summary>The question's language: the hint when given, else detected.</summary>
    public string Language { get; }
    public Dictionary<Concept, double> Concepts { get; } = [];
    public List<string> Countries { get; } = [];
    public List<string> Subregions { get; } = [];
    /// <summary>Countries named by name, alias or city (not by nationality), in the order named.</summary>
    public List<string> NamedCountries { get; } = [];
    public List<Region> Regions { get; } = [];
    /// <summary>Places named (countries by name and places of the gazetteer), in the order named, with their role.</summary>
    public List<PlaceMention> Places { get; } = [];

    /// <summary>The part of the message that asks names a need the directory does not answer (out-of-scope.json).</summary>
    public bool OutOfScope { get; private set; }

    /// <summary>Content words (not function words, not place names) the directory knows, and those it does not.</summary>
    public int KnownWords { get; private set; }
    public int UnknownWords { get; private set; }

    /// <summary>
    /// Most of what the question is about is foreign to the directory ("a good restaurant near the office", "buy
    /// tickets for the concert") and at most one topic matched: whatever a word matched, no unit clearly answers it.
    /// A chatty real question ("hi team, quick one: … displacement crisis … shelter guidance") names several topics.
    /// </summary>
    public bool MostlyUnknown => UnknownWords > KnownWords && Concepts.Keys.Count(c => c.Weight > 0) < 2;

    private readonly HashSet<string> _placeWords = new(StringComparer.Ordinal);

    public bool HasTag(string tag) => Concepts.Keys.Any(c => c.Tag == tag);

    public static QueryAnalysis Analyze(string query, RoutingIndex index, string languageHint = "")
    {
        var lexicon = index.Lexicon;
        var tokens = RoutingText.Tokens(query);
        var message = MessageReader.Read(query, tokens, lexicon.Message, w => !lexicon.IsStopword(w.Folded) && w.Folded.Length >= 3);
        var language = index.Detector.Detect(query, tokens.ConvertAll(t => t.Word), languageHint);
        // Each word read once (spelling correction costs): the signature's as written.
        var read = new Word[tokens.Count];
        for (var i = 0; i < tokens.Count; i++) read[i] = message.Ignored[i] ? tokens[i].Word : index.Read(tokens[i].Word);
        var places = new PlaceFinder(index, tokens, read, message).Find().ToList();
        // A gazetteer place and the word of its kind ("Afar region", "Marib governorate") name where, not what.
        var placeTokens = places.Where(p => p.Place is not null).SelectMany(p => p.Tokens).ToHashSet();

        // The words that weigh, read (spelling) and with the expansions of the acronyms among them; for topics, the same
        // without gazetteer places, and those of the ask apart. Unit texts still see the places ("Zanzibar desk").
        var all = new List<Word>(tokens.Count);
        var topical = new List<Word>(tokens.Count);
        var ask = new List<Word>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (message.Ignored[i]) continue;
            var (entry, length) = lexicon.Glossary.At(query, tokens, i, language);
            var words = entry is null ? [read[i]] : entry.WordsIn(language);
            var place = placeTokens.Contains(i);
            if (entry is not null) i += length - 1;
            all.AddRange(words);
            if (place) continue;
            topical.AddRange(words);
            if (message.Ask[i]) ask.AddRange(words);
        }
        bool IsContent(Word w) => !lexicon.IsStopword(w.Folded) || w.Capitals;
        var content = all.Where(IsContent).ToList();
        var analysis = new QueryAnalysis(all, content.Select(w => w.Stem).Distinct(StringComparer.Ordinal).ToArray(), language);

        // Terms of the ask weigh fully; those only in the context less (a one-sentence question is all ask).
        var contextFactor = 1 / Math.Max(1.0, lexicon.Message.AskWeight);
        analysis.NoteTerms(index, ask, 1.0, outOfScope: true);
        analysis.NoteTerms(index, topical, contextFactor, outOfScope: false);

        analysis.NotePlaces(places);
        foreach (var word in content)
            if (!analysis._placeWords.Contains(word.Folded) && word.Folded.Length >= 3)
                _ = index.Knows(word) ? analysis.KnownWords++ : analysis.UnknownWords++;
        return analysis;
    }

    /// <summary>
    /// The lexicon's terms in these words: an exact term as a sequence, any other with all its stems within
    /// <see cref="TermWindow"/> content words of each other (a term is a phrase, not words scattered over a message).
    /// </summary>
    private void NoteTerms(RoutingIndex index, List<Word> words, double factor, bool outOfScope)
    {
        var positions = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var capitalStems = new HashSet<string>(StringComparer.Ordinal);
        var n = 0;
        foreach (var w in words)
        {
            if (index.Lexicon.IsStopword(w.Folded) && !w.Capitals) continue;
            if (!positions.TryGetValue(w.Stem, out var list)) positions[w.Stem] = list = [];
            list.Add(n++);
            if (w.Capitals) capitalStems.Add(w.Stem);
        }
        foreach (var (stem, at) in positions)
        foreach (var term in index.TermsStartingWith(stem))
            if (Contains(term, at, positions, capitalStems)) Note(term, factor, outOfScope);
        for (var i = 0; i < words.Count; i++)
        foreach (var term in index.ExactTermsStartingWith(words[i].Stem))
            if (Sequence(term, words, i)) Note(term, factor, outOfScope);
    }

    private void Note(RoutingIndex.TermEntry term, double factor, bool outOfScope)
    {
        if (term.Concept.Tag == Concept.OutOfScopeTag && outOfScope) OutOfScope = true;
        Concepts[term.Concept] = Math.Max(Concepts.GetValueOrDefault(term.Concept), term.Weight * factor);
    }

    /// <summary>How far apart, in content words, the words of one term may be.</summary>
    private const int TermWindow = 6;

    private static bool Contains(RoutingIndex.TermEntry term, List<int> firstAt, Dictionary<string, List<int>> positions, HashSet<string> capitalStems)
    {
        for (var i = 1; i < term.Stems.Length; i++)
            if (!positions.ContainsKey(term.Stems[i]) || (term.NeedsCapitals[i] && !capitalStems.Contains(term.Stems[i]))) return false;
        if (term.NeedsCapitals[0] && !capitalStems.Contains(term.Stems[0])) return false;
        foreach (var at in firstAt)
        {
            var near = true;
            for (var i = 1; i < term.Stems.Length && near; i++)
                near = positions[term.Stems[i]].Exists(p => Math.Abs(p - at) <= TermWindow);
            if (near) return true;
        }
        return false;
    }

    private static bool Sequence(RoutingIndex.TermEntry term, List<Word> words, int start)
    {
        if (start + term.Stems.Length > words.Count) return false;
        for (var i = 0; i < term.Stems.Length; i++)
            if (!string.Equals(words[start + i].Stem, term.Stems[i], StringComparison.Ordinal)) return false;
        return true;
    }

    /// <summary>
    /// Notes the places <see cref="PlaceFinder"/> found: countries in the order named (nationalities too) go to
    /// <see cref="Countries"/> (a gazetteer place's country unless it is an origin); country names and gazetteer places,
    /// with the role the words around them give (<see cref="PlaceMention"/>), to <see cref="Places"/>; regions and
    /// sub-regions to theirs.
    /// </summary>
    private void NotePlaces(List<PlaceFinder.Found> places)
    {
        foreach (var found in places)
        {
            foreach (var word in found.Words) _placeWords.Add(word);
            if (found.Entry is { } entry)
            {
                if (entry.Country is { } code)
                {
                    if (!Countries.Contains(code)) Countries.Add(code);
                    if (entry.Naming == PlaceNames.CountryNaming.Name)
                    {
                        if (!NamedCountries.Contains(code)) NamedCountries.Add(code);
                        Places.Add(new PlaceMention(code, null, found.Strength));
                    }
                }
                if (entry.Region is { } region && !Regions.Contains(region)) Regions.Add(region);
                if (entry.Subregion is { } subregion && !Subregions.Contains(subregion)) Subregions.Add(subregion);
            }
            else if (found.Place is { } place)
            {
                if (found.Strength > PlaceMention.Origin && !Countries.Contains(place.Country)) Countries.Add(place.Country);
                Places.Add(new PlaceMention(place.Country, place.Name, found.Strength));
            }
        }
    }
}

/// <summary>
/// A place a message names: its country, the gazetteer name when it is a place below the country (null for the
/// country itself), and how strongly it says where the asker is (<see cref="Office"/> "IOM Baidoa", <see cref="Asker"/>
/// "our office in…", <see cref="Mention"/> any other, <see cref="Origin"/> "arrivals from Sudan", "vers le Canada").
/// </summary>
public sealed record PlaceMention(string Country, string? Name, int Strength)
{
    public const int Origin = 0;
    public const int Mention = 1;
    public const int Asker = 2;
    public const int Office = 3;
}
