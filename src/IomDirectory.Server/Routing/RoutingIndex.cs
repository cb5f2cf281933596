using IomDirectory.Server.Domain;
using IomDirectory.Server.ReadModel;

namespace IomDirectory.Server.Routing;

/// <summary>
/// Everything routing needs about one view of the org chart, computed once: lexicon terms by stem, unit texts
/// (names, acronyms, responsibilities, descriptions) weighted by rarity, each unit's contact (its own mailbox or its
/// nearest ancestor's), country and sub-region names. A question then costs tokenizing and dictionary lookups.
/// </summary>
public sealed class RoutingIndex
{
    public sealed record TermEntry(Concept Concept, string[] Stems, bool[] NeedsCapitals, double Weight);

    public readonly record struct UnitPosting(UnitRecord Unit, double Weight);

    public sealed record UnitEntry(UnitRecord Unit, UnitRecord ContactUnit, MailboxRecord? Mailbox, bool IsEmergency,
        IReadOnlySet<string> Chain, IReadOnlyList<(string Language, string Phrase, string[] Stems)> Phrases);

    private readonly Dictionary<string, List<TermEntry>> _terms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<TermEntry>> _exactTerms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<UnitPosting>> _postings = new(StringComparer.Ordinal);

    public RoutingIndex(DirectoryView view, Lexicon lexicon)
    {
        View = view;
        Lexicon = lexicon;
        var termLanguages = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var concept in lexicon.Concepts)
        foreach (var (language, terms) in concept.Terms)
        foreach (var term in terms)
        {
            AddTerm(concept, term);
            foreach (var word in RoutingText.Words(term).Where(w => !lexicon.IsStopword(w.Folded)))
                termLanguages[word.Folded] = termLanguages.TryGetValue(word.Folded, out var seen) && seen != language ? "" : language;
        }
        Detector = new LanguageDetector(lexicon, termLanguages.Where(p => p.Value.Length > 0).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));

        var mailboxByOwner = view.Mailboxes.GroupBy(m => m.OwnerId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var emergency = lexicon.Rules.EmergencyUnits.ToHashSet(StringComparer.Ordinal);
        var memo = new Dictionary<string, Word[]>(StringComparer.Ordinal);   // the vocabulary, folded once for this build
        Units = view.Units.Values.ToDictionary(u => u.Id, u => Entry(view, u, mailboxByOwner, emergency, memo), StringComparer.Ordinal);
        IndexUnitTexts(view, memo);

        Countries = CountryNames(view, lexicon);
        Subregions = view.Offices.Values
            .SelectMany(o => view.Functions[o.Id].Where(f => f.Kind == "coordination" && !f.Subregion.IsEmpty).Select(f => (Office: o, Function: f)))
            .SelectMany(p => p.Function.Subregion.All().Select(name => (Key: Key(name), p.Office, p.Function)))
            .GroupBy(p => p.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<(OfficeRecord, OfficeFunctionRecord)>)g.Select(p => (p.Office, p.Function)).Distinct().ToList(), StringComparer.Ordinal);
        var placeNames = Countries.Keys.Concat(Subregions.Keys).ToList();
        PlaceFirstWords = placeNames.Select(k => k.Split(' ')[0]).ToHashSet(StringComparer.Ordinal);
        MaxPlaceWords = placeNames.Max(k => k.Count(c => c == ' ') + 1);
        OfficesByType = view.OrderedOffices.GroupBy(o => o.Type).ToDictionary(g => g.Key, g => (IReadOnlyList<OfficeRecord>)g.ToList());
    }

    public DirectoryView View { get; }
    public Lexicon Lexicon { get; }
    public LanguageDetector Detector { get; }
    public IReadOnlyDictionary<string, UnitEntry> Units { get; }
    public IReadOnlyDictionary<string, string> Countries { get; }
    /// <summary>First words of country and sub-region names: a question is scanned for places only from these.</summary>
    public IReadOnlySet<string> PlaceFirstWords { get; }
    public int MaxPlaceWords { get; }
    public IReadOnlyDictionary<string, IReadOnlyList<(OfficeRecord Office, OfficeFunctionRecord Function)>> Subregions { get; }
    public IReadOnlyDictionary<OfficeType, IReadOnlyList<OfficeRecord>> OfficesByType { get; }

    public IReadOnlyList<TermEntry> TermsStartingWith(string stem) => _terms.GetValueOrDefault(stem) ?? (IReadOnlyList<TermEntry>)[];
    public IReadOnlyList<TermEntry> ExactTermsStartingWith(string stem) => _exactTerms.GetValueOrDefault(stem) ?? (IReadOnlyList<TermEntry>)[];
    public IReadOnlyList<UnitPosting> Postings(string stem) => _postings.GetValueOrDefault(stem) ?? (IReadOnlyList<UnitPosting>)[];

    /// <summary>Folded words joined by single spaces: the key of country and sub-region names.</summary>
    public static string Key(string text) => string.Join(' ', RoutingText.Words(text).Select(w => w.Folded));

    private void AddTerm(Concept concept, string term)
    {
        var words = RoutingText.Words(term);
        var kept = concept.Exact ? words : words.Where(w => !Lexicon.IsStopword(w.Folded) || w.Capitals).ToList();
        if (kept.Count == 0) return;
        var stems = kept.Select(w => w.Stem).ToArray();
        var needsCapitals = kept.Select(w => !concept.Exact && Lexicon.IsStopword(w.Folded)).ToArray();
        var distinct = stems.Distinct(StringComparer.Ordinal).Count();
        var entry = new TermEntry(concept, stems, needsCapitals, concept.Weight * (1 + 0.35 * (distinct - 1)));
        var index = concept.Exact ? _exactTerms : _terms;
        if (!index.TryGetValue(stems[0], out var list)) index[stems[0]] = list = [];
        list.Add(entry);
    }

    private UnitEntry Entry(DirectoryView view, UnitRecord unit, Dictionary<string, MailboxRecord> mailboxByOwner, HashSet<string> emergency,
        Dictionary<string, Word[]> memo)
    {
        var path = view.PathTo(unit);
        var chain = path.Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
        var contact = path.LastOrDefault(u => mailboxByOwner.ContainsKey(u.Id)) ?? unit;
        var phrases = unit.Responsibilities.All().Concat(unit.Name.All().Select(n => ("", n)))
            .Select(p => (p.Item1, p.Item2, ContentStems(p.Item2, memo))).ToList();
        return new UnitEntry(unit, contact, mailboxByOwner.GetValueOrDefault(contact.Id), chain.Overlaps(emergency), chain, phrases);
    }

    public string[] ContentStems(string text, Dictionary<string, Word[]>? memo = null) =>
        RoutingText.Words(text, memo).Where(w => !Lexicon.IsStopword(w.Folded) || w.Capitals).Select(w => w.Stem).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>
    /// Postings of the stems of every unit's names, acronym, responsibilities and descriptions, weighted by field and
    /// IDF. Stems are deduplicated per unit in one reused dictionary and appended to their lists in unit order, so the
    /// build allocates one list per stem rather than one map per stem and one object per posting.
    /// </summary>
    private void IndexUnitTexts(DirectoryView view, Dictionary<string, Word[]> memo)
    {
        var lists = new Dictionary<string, List<UnitPosting>>(StringComparer.Ordinal);
        var unitStems = new Dictionary<string, double>(StringComparer.Ordinal);
        void Add(string text, double weight)
        {
            foreach (var stem in ContentStems(text, memo))
                unitStems[stem] = Math.Max(unitStems.GetValueOrDefault(stem), weight);
        }
        foreach (var unit in view.Units.Values)
        {
            unitStems.Clear();
            foreach (var name in unit.Name.All()) Add(name, 3.0);
            if (unit.Acronym is { Length: > 0 } acronym) Add(acronym.ToUpperInvariant(), 4.0);
            foreach (var (_, phrase) in unit.Responsibilities.All()) Add(phrase, 2.0);
            foreach (var description in unit.Description.All()) Add(description, 0.7);
            foreach (var (stem, weight) in unitStems)
            {
                if (!lists.TryGetValue(stem, out var list)) lists[stem] = list = [];
                list.Add(new UnitPosting(unit, weight));
            }
        }
        var count = Math.Max(1, view.Units.Count);
        foreach (var (stem, list) in lists)
        {
            var idf = Math.Log(1 + (double)count / list.Count);
            for (var i = 0; i < list.Count; i++)
                list[i] = list[i] with { Weight = list[i].Weight * idf };
            list.TrimExcess();
            _postings[stem] = list;
        }
    }

    private static Dictionary<string, string> CountryNames(DirectoryView view, Lexicon lexicon)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var country in view.Snapshot.Countries.All)
        foreach (var name in country.Name.All())
        {
            names.TryAdd(Key(name), country.Code);
            var open = name.IndexOf('(');
            if (open > 0) names.TryAdd(Key(name[..open]), country.Code);
        }
        foreach (var (demonym, code) in lexicon.Demonyms) names.TryAdd(demonym, code);
        foreach (var key in names.Keys.Where(k => k.Length < 4).ToList()) names.Remove(key);
        return names;
    }
}
