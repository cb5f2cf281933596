using IomDirectory.Server.Domain;
using IomDirectory.Server.ReadModel;

namespace IomDirectory.Server.Routing;

/// <summary>
/// The units of a view as routing sees them, numbered: parent pointers, each unit's contact (its own mailbox or its
/// nearest ancestor's), and the stems of their names, acronyms, responsibilities and descriptions as postings
/// weighted by field and rarity (IDF).
/// </summary>
/// <remarks>
/// Per unit this keeps three ints and its postings; what only the few units of an answer need (their chain of
/// ancestors, whether one is an emergency unit, the stems of their phrases) is worked out for them on demand.
/// </remarks>
public sealed class RoutingUnits
{
    /// <summary>The weights of the fields a stem can come from, by posting code: description, responsibility, name, acronym.</summary>
    private static readonly double[] FieldWeights = [0.7, 2.0, 3.0, 4.0];

    private readonly UnitRecord[] _units;
    private readonly Dictionary<string, int> _numbers;
    private readonly int[] _parent;
    private readonly int[] _contact;
    private readonly Dictionary<string, MailboxRecord> _mailboxByOwner = new(StringComparer.Ordinal);
    private readonly HashSet<string> _emergency;
    private readonly Postings _postings;
    private readonly IReadOnlyDictionary<string, int> _stems;
    private readonly double[] _idf;
    private readonly TermMemo<int> _memo;

    /// <summary>A unit routed to: the unit, the unit that answers for it, and that unit's mailbox.</summary>
    public readonly record struct Entry(int Number, UnitRecord Unit, UnitRecord ContactUnit, MailboxRecord? Mailbox);

    public RoutingUnits(DirectoryView view, Lexicon lexicon)
    {
        _units = [.. view.Units.Values];
        _numbers = new Dictionary<string, int>(_units.Length, StringComparer.Ordinal);
        for (var i = 0; i < _units.Length; i++) _numbers[_units[i].Id] = i;
        _parent = [.. _units.Select(u => u.ParentId is not null && _numbers.TryGetValue(u.ParentId, out var p) ? p : -1)];
        var hasMailbox = new bool[_units.Length];
        foreach (var mailbox in view.Mailboxes)
            if (_mailboxByOwner.TryAdd(mailbox.OwnerId, mailbox) && _numbers.TryGetValue(mailbox.OwnerId, out var owner))
                hasMailbox[owner] = true;
        _contact = new int[_units.Length];
        for (var u = 0; u < _units.Length; u++)
            _contact[u] = FirstUp(u, a => hasMailbox[a]) is var contact and >= 0 ? contact : u;
        _emergency = lexicon.Rules.EmergencyUnits.ToHashSet(StringComparer.Ordinal);

        var builder = new PostingsBuilder(code => FieldWeights[code]);
        _memo = new TermMemo<int>(raw => [.. RoutingText.Words(raw).Where(w => !lexicon.IsStopword(w.Folded) || w.Capitals).Select(w => builder.Id(w.Stem))]);
        var stems = new List<int>();
        void Add(int unit, string text, int code)
        {
            stems.Clear();
            _memo.AddTerms(text, stems);
            foreach (var stem in stems) builder.Add(unit, stem, code);
        }
        for (var u = 0; u < _units.Length; u++)
        {
            var unit = _units[u];
            foreach (var name in unit.Name.All()) Add(u, name, 2);
            if (unit.Acronym is { Length: > 0 } acronym) Add(u, acronym.ToUpperInvariant(), 3);
            foreach (var (_, phrase) in unit.Responsibilities.All()) Add(u, phrase, 1);
            foreach (var description in unit.Description.All()) Add(u, description, 0);
        }
        _memo.Freeze();
        _postings = builder.Build();
        _stems = builder.Ids;
        var count = Math.Max(1, _units.Length);
        _idf = [.. Enumerable.Range(0, _postings.Terms.Count).Select(s => Math.Log(1 + (double)count / _postings.CountOf(s)))];
    }

    public int Count => _units.Length;

    public UnitRecord this[int unit] => _units[unit];

    public bool TryFind(string id, out int unit) => _numbers.TryGetValue(id, out unit);

    public int ContactOf(int unit) => _contact[unit];

    public Entry EntryOf(int unit)
    {
        var contact = _units[_contact[unit]];
        return new Entry(unit, _units[unit], contact, _mailboxByOwner.GetValueOrDefault(contact.Id));
    }

    /// <summary>Whether the unit or one of its ancestors is an emergency unit (routing.json).</summary>
    public bool IsEmergency(int unit) => FirstUp(unit, a => _emergency.Contains(_units[a].Id)) >= 0;

    /// <summary>Whether <paramref name="id"/> is the unit or one of its ancestors.</summary>
    public bool InChain(int unit, string id) => FirstUp(unit, a => string.Equals(_units[a].Id, id, StringComparison.Ordinal)) >= 0;

    /// <summary>The number of an indexed stem, or -1.</summary>
    public int StemNumber(string stem) => _stems.GetValueOrDefault(stem, -1);

    /// <summary>Adds to each unit whose texts have the stem the stem's weight there (field weight times IDF).</summary>
    public void AddTextScores(int stem, RoutingScratch scratch)
    {
        var idf = _idf[stem];
        foreach (var posting in _postings.Of(stem))
            scratch.Units[Postings.Document(posting)].Text += FieldWeights[Postings.Code(posting)] * idf;
    }

    /// <summary>The numbers of the content stems of one of the unit's texts, repeats included.</summary>
    public void StemsOf(string text, List<int> stems) => _memo.AddTerms(text, stems);

    /// <summary>
    /// The first of the unit and its ancestors, going up, that matches; -1 if none. Bounded by the number of units,
    /// so a cycle in the parents (which the data checks forbid) cannot loop forever.
    /// </summary>
    private int FirstUp(int unit, Func<int, bool> match)
    {
        for (var (current, steps) = (unit, 0); current >= 0 && steps < _units.Length; current = _parent[current], steps++)
            if (match(current)) return current;
        return -1;
    }
}
