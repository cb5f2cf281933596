using IomDirectory.Server.Domain;
using IomDirectory.Server.Routing.Internal;
using IomDirectory.Server.Snapshots;

namespace IomDirectory.Server.Routing;

/// <summary>
/// The units of a view as routing sees them, numbered as in <see cref="UnitWords"/>: parent pointers and each
/// unit's contact (the unit with its own mailbox or its nearest ancestor's), contacts numbered apart so that a
/// question's per-contact scores take an array of contacts, not of units.
/// </summary>
/// <remarks>
/// Per unit this keeps a few ints; what only the few units of an answer need (their chain of ancestors, whether one
/// is an emergency unit) is worked out for them on demand.
/// </remarks>
public sealed class RoutingUnits
{
    private readonly UnitRecord[] _units;
    private readonly Dictionary<string, int> _numbers;
    private readonly int[] _parent;
    private readonly int[] _contact;
    private readonly int[] _contactUnits;
    /// <summary>The contact number of a unit that is a contact in the base, else -1.</summary>
    private readonly int[] _numberOfContact;
    private readonly Dictionary<string, MailboxRecord> _mailboxByOwner = new(StringComparer.Ordinal);
    /// <summary>Every mailbox of each owner, in the view's order (by address): which is first once some change.</summary>
    private readonly ILookup<string, MailboxRecord> _mailboxesByOwner;
    private readonly HashSet<string> _emergency;
    /// <summary>For an incremental index (<see cref="Next"/>): the base's units, and the changes on top of it.</summary>
    private readonly RoutingUnits? _base;
    private readonly RoutingDelta? _delta;

    /// <summary>A unit routed to: the unit, the unit that answers for it, and that unit's mailbox.</summary>
    public readonly record struct Entry(int Number, UnitRecord Unit, UnitRecord ContactUnit, MailboxRecord? Mailbox);

    public RoutingUnits(UnitWords words, DirectoryView view, Lexicon lexicon)
    {
        _units = [.. words.Units];
        _numbers = new Dictionary<string, int>(_units.Length, StringComparer.Ordinal);
        for (var i = 0; i < _units.Length; i++) _numbers[_units[i].Id] = i;
        _parent = [.. _units.Select(u => u.ParentId is not null && _numbers.TryGetValue(u.ParentId, out var p) ? p : -1)];
        var hasMailbox = new bool[_units.Length];
        foreach (var mailbox in view.Mailboxes)
            if (_mailboxByOwner.TryAdd(mailbox.OwnerId, mailbox) && _numbers.TryGetValue(mailbox.OwnerId, out var owner))
                hasMailbox[owner] = true;
        _mailboxesByOwner = view.Mailboxes.ToLookup(m => m.OwnerId, StringComparer.Ordinal);
        _contact = new int[_units.Length];
        var numberOfContact = _numberOfContact = new int[_units.Length];
        Array.Fill(numberOfContact, -1);
        var contactUnits = new List<int>();
        for (var u = 0; u < _units.Length; u++)
        {
            var contactUnit = FirstUp(u, a => hasMailbox[a]) is var up and >= 0 ? up : u;
            if (numberOfContact[contactUnit] < 0)
            {
                numberOfContact[contactUnit] = contactUnits.Count;
                contactUnits.Add(contactUnit);
            }
            _contact[u] = numberOfContact[contactUnit];
        }
        _contactUnits = [.. contactUnits];
        _emergency = lexicon.Rules.EmergencyUnits.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// The units of <paramref name="view"/>, given that they are the base's with <paramref name="delta"/>'s changes: each
    /// unit keeps its base number (a new one comes after the base's last, a retired one leaves its number unused), so
    /// only the units <paramref name="delta"/> names are worked out. The per-unit arrays are copied (a memory copy of a
    /// few ints per unit), which keeps a question's lookups plain array reads.
    /// </summary>
    private RoutingUnits(RoutingUnits @base, DirectoryView view, RoutingDelta delta)
    {
        _base = @base;
        _delta = delta;
        _numbers = @base._numbers;
        _numberOfContact = @base._numberOfContact;
        _mailboxByOwner = @base._mailboxByOwner;
        _mailboxesByOwner = @base._mailboxesByOwner;
        _emergency = @base._emergency;
        var count = @base.Count + delta.Added.Count;
        _units = new UnitRecord[count];
        _parent = new int[count];
        _contact = new int[count];
        Array.Copy(@base._units, _units, @base.Count);
        Array.Copy(@base._parent, _parent, @base.Count);
        Array.Copy(@base._contact, _contact, @base.Count);
        foreach (var (number, unit) in delta.Texts) _units[number] = unit;

        var contactUnits = new List<int>(@base._contactUnits);
        var newContacts = new Dictionary<int, int>();
        foreach (var id in delta.Linked)
        {
            TryFind(id, out var unit);
            var record = _units[unit];
            _parent[unit] = record.ParentId is not null && TryFind(record.ParentId, out var parent) ? parent : -1;
            var contactUnit = unit;
            var steps = 0;
            for (var current = record; current is not null && steps < count; steps++)
            {
                if (delta.HasMailbox(@base, current.Id))
                {
                    TryFind(current.Id, out contactUnit);
                    break;
                }
                current = current.ParentId is null ? null : view.Units.GetValueOrDefault(current.ParentId);
            }
            if (contactUnit < @base.Count && _numberOfContact[contactUnit] >= 0) _contact[unit] = _numberOfContact[contactUnit];
            else if (newContacts.TryGetValue(contactUnit, out var known)) _contact[unit] = known;
            else
            {
                _contact[unit] = newContacts[contactUnit] = contactUnits.Count;
                contactUnits.Add(contactUnit);
            }
        }
        _contactUnits = [.. contactUnits];
    }

    /// <summary>The units of <paramref name="view"/>, this one's base with <paramref name="delta"/>'s changes.</summary>
    internal RoutingUnits Next(DirectoryView view, RoutingDelta delta) => new(_base ?? this, view, delta);

    /// <summary>How many unit numbers there are (a retired unit's stays unused in an incremental index).</summary>
    public int Count => _units.Length;

    public UnitRecord this[int unit] => _units[unit];

    public bool TryFind(string id, out int unit)
    {
        if (_delta is null) return _numbers.TryGetValue(id, out unit);
        if (_delta.Added.TryGetValue(id, out unit)) return true;
        return _numbers.TryGetValue(id, out unit) && !_delta.Retired.Contains(id);
    }

    /// <summary>The owner's mailboxes in the base view (the view of a fresh build), by address.</summary>
    internal IEnumerable<MailboxRecord> BaseMailboxesOf(string ownerId) => (_base ?? this)._mailboxesByOwner[ownerId];

    /// <summary>The unit's mailbox (the first by address), or null.</summary>
    public MailboxRecord? MailboxOf(string ownerId) =>
        _delta is not null && _delta.Owners.TryGetValue(ownerId, out var changed) ? changed : _mailboxByOwner.GetValueOrDefault(ownerId);

    /// <summary>How many contacts the units have: contacts are numbered 0 to this, less one.</summary>
    public int ContactCount => _contactUnits.Length;

    /// <summary>The number of the unit's contact.</summary>
    public int ContactOf(int unit) => _contact[unit];

    /// <summary>The unit a contact number stands for (the one with the mailbox, or a unit with none above it).</summary>
    public int ContactUnit(int contact) => _contactUnits[contact];

    public Entry EntryOf(int unit)
    {
        var contact = _units[_contactUnits[_contact[unit]]];
        return new Entry(unit, _units[unit], contact, MailboxOf(contact.Id));
    }

    /// <summary>Whether the unit or one of its ancestors is an emergency unit (routing.json).</summary>
    public bool IsEmergency(int unit) => FirstUp(unit, a => _emergency.Contains(_units[a].Id)) >= 0;

    /// <summary>Whether <paramref name="id"/> is the unit or one of its ancestors.</summary>
    public bool InChain(int unit, string id) => FirstUp(unit, a => string.Equals(_units[a].Id, id, StringComparison.Ordinal)) >= 0;

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
