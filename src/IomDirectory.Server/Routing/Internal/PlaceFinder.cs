using System.Text;

namespace IomDirectory.Server.Routing.Internal;

/// <summary>
/// Finds the places a message names, longest name first: countries, regions and sub-regions (<see cref="PlaceNames"/>)
/// and places below the country (<see cref="Gazetteer"/>), each with its role (<see cref="PlaceMention"/> strengths).
/// A gazetteer name that is also a common word counts only when written as a place: capitalised inside a sentence, or
/// after a place preposition ("à Gao", "in Unity"). In the signature block only the asker's office counts
/// ("IOM Baidoa Sub-Office", "Oficina de la OIM en Malabo"), never a person's name.
/// </summary>
/// <param name="read">Each token's word as routing reads it (<see cref="RoutingIndex.Read"/>: spelling corrected), for country names.</param>
public sealed class PlaceFinder(RoutingIndex index, List<Token> tokens, Word[] read, MessageReader message)
{
    /// <summary>How far before a place an organization word or an asker cue is looked for.</summary>
    private const int CueReach = 4;

    /// <summary>A place found: a country, region or sub-region name, or a gazetteer place; its folded words and, for a
    /// gazetteer place, its tokens with the word of its kind next to it ("Afar region", "la région du Centre-Nord").</summary>
    public readonly record struct Found(PlaceNames.Entry? Entry, Gazetteer.Place? Place, int Strength, IReadOnlyList<string> Words, IReadOnlyList<int> Tokens);

    public IEnumerable<Found> Find()
    {
        var places = index.Places;
        var gazetteer = index.Lexicon.Gazetteer;
        // Positions of the words that can carry a place (not function words, unless in capitals: "US").
        var positions = new List<int>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
            if (!index.Lexicon.IsStopword(tokens[i].Word.Folded) || tokens[i].Word.Capitals) positions.Add(i);
        var key = new StringBuilder();
        for (var p = 0; p < positions.Count; p++)
        {
            var first = positions[p];
            var canCountry = places.FirstWords.Contains(read[first].Folded);
            var canPlace = gazetteer.FirstWords.Contains(tokens[first].Word.Folded);
            if (!canCountry && !canPlace) continue;

            var (countryLength, country) = (0, (PlaceNames.Entry?)null);
            if (canCountry)
            {
                key.Clear();
                var capitals = true;
                for (var n = 1; n <= places.MaxWords && p + n <= positions.Count; n++)
                {
                    var token = tokens[positions[p + n - 1]];
                    if (n > 1) key.Append(' ');
                    key.Append(read[positions[p + n - 1]].Folded);
                    capitals &= token.Word.Capitals;
                    if (places[key.ToString()] is { } found && (capitals || !found.NeedsCapitals)) (countryLength, country) = (n, found);
                }
            }
            var (placeLength, place) = (0, (Gazetteer.Place?)null);
            if (canPlace)
            {
                key.Clear();
                var initials = true;
                for (var n = 1; n <= gazetteer.MaxWords && p + n <= positions.Count; n++)
                {
                    var token = tokens[positions[p + n - 1]];
                    if (n > 1) key.Append(' ');
                    key.Append(token.Word.Folded);
                    initials &= token.Initial;
                    if (n > countryLength && gazetteer[key.ToString()] is { } found && WrittenAsPlace(found, first, initials))
                        (placeLength, place) = (n, found);
                }
            }
            var length = Math.Max(countryLength, placeLength);
            if (length == 0) continue;
            var strength = Strength(first);
            var words = Enumerable.Range(p, length).Select(q => tokens[positions[q]].Word.Folded).ToList();
            var covered = Enumerable.Range(first, positions[p + length - 1] - first + 1).ToList();
            p += length - 1;
            if (strength < 0) continue;
            if (placeLength > countryLength) yield return new Found(null, place, strength, words, WithKind(covered));
            else yield return new Found(country, null, strength, words, covered);
        }
    }

    /// <summary>The tokens of a place with the word of its kind just before or after it ("province of", "governorate").</summary>
    private List<int> WithKind(List<int> covered)
    {
        var kinds = index.Lexicon.Message.PlaceKinds;
        var (first, last) = (covered[0], covered[^1]);
        if (last + 1 < tokens.Count && kinds.Contains(tokens[last + 1].Word.Folded)) covered.Add(last + 1);
        for (var i = first - 1; i >= 0 && i >= first - 3; i--)
        {
            if (kinds.Contains(tokens[i].Word.Folded)) { covered.Add(i); break; }
            if (!index.Lexicon.IsStopword(tokens[i].Word.Folded)) break;
        }
        return covered;
    }

    /// <summary>A common-word name counts capitalised inside a sentence, or after a place preposition; others always.</summary>
    private bool WrittenAsPlace(Gazetteer.Place place, int first, bool initials)
    {
        if (!place.Word) return initials || tokens[first].Word.Folded.Length >= 5;
        if (first > 0 && index.Lexicon.Message.PlacePrepositions.Contains(tokens[first - 1].Word.Folded)) return initials || !tokens[first].SentenceStart;
        return initials && !tokens[first].SentenceStart;
    }

    /// <summary>
    /// How strongly the place at token <paramref name="first"/> says where the asker is (<see cref="PlaceMention"/>), or
    /// -1 for a word of the signature that is no office (a person's name).
    /// </summary>
    private int Strength(int first)
    {
        var words = index.Lexicon.Message;
        bool Near(IReadOnlySet<string> cues, int from, int to)
        {
            for (var i = Math.Max(0, from); i <= to && i < tokens.Count; i++)
                if (i != first && cues.Contains(tokens[i].Word.Folded)) return true;
            return false;
        }
        // "IOM Baidoa", "Sous-bureau de l'OIM à Maroua", "IOM Sudan here".
        if (Near(words.Organization, first - CueReach, first - 1) || Near(words.Organization, first + 1, first + 1))
            return PlaceMention.Office;
        if (message.Signature[first]) return -1;
        var before = first - 1;
        if (before >= 0 && !words.OriginCues.Contains(tokens[before].Word.Folded) && index.Lexicon.IsStopword(tokens[before].Word.Folded))
            before--;
        // "arrivals from Sudan" is an origin, "greetings from Port Vila", "les escribo desde Boa Vista" the asker's place.
        if (before >= 0 && words.OriginCues.Contains(tokens[before].Word.Folded))
            return Near(words.AskerCues, before - 2, before - 1) ? PlaceMention.Asker : PlaceMention.Origin;
        return Near(words.AskerCues, first - CueReach, first - 1) ? PlaceMention.Asker : PlaceMention.Mention;
    }
}
