using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace IomDirectory.Server.Snapshots;

/// <summary>
/// An immutable map by id that enumerates in the order ids came in (a replaced id keeps its place; a removed id that
/// comes back comes last, as in a table copied without it), and is changed with <see cref="With"/> at the cost of the
/// change rather than of the map: a base shared by the maps of one line of changes, and an overlay of the ids changed
/// since, folded into a new base once it outgrows a bound that keeps its copies and the folds about as dear.
/// </summary>
public sealed class OverlayMap<TValue> : IReadOnlyDictionary<string, TValue>
{
    private static readonly Dictionary<string, Slot> NoChanges = new(StringComparer.Ordinal);

    // The base, never changed once made: each id's place, and the ids and values in order.
    private readonly Dictionary<string, int> _places;
    private readonly string[] _keys;
    private readonly TValue[] _values;
    // The overlay, never changed once made either: the ids changed since the base, the base places they touch (in
    // order, so that enumerating needs no lookup per id), and the ids placed after the base (an id counts at its slot's place).
    private readonly Dictionary<string, Slot> _changed;
    private readonly int[] _touched;
    private readonly string[] _tail;

    /// <summary>A value, or none (removed); where it is: in the base's place (-1) or at an index of the tail.</summary>
    private readonly record struct Slot(TValue Value, bool Present, int Place);

    /// <summary>The map of <paramref name="entries"/>, in their order (an id given twice keeps its first place and last value).</summary>
    public OverlayMap(IEnumerable<KeyValuePair<string, TValue>> entries)
    {
        var capacity = entries is IReadOnlyCollection<KeyValuePair<string, TValue>> sized ? sized.Count : 0;
        _places = new Dictionary<string, int>(capacity, StringComparer.Ordinal);
        var keys = new List<string>(capacity);
        var values = new List<TValue>(capacity);
        foreach (var (id, value) in entries)
        {
            if (_places.TryGetValue(id, out var place))
            {
                values[place] = value;
                continue;
            }
            _places[id] = keys.Count;
            keys.Add(id);
            values.Add(value);
        }
        _keys = [.. keys];
        _values = [.. values];
        _changed = NoChanges;
        _touched = [];
        _tail = [];
        Count = _keys.Length;
    }

    private OverlayMap(OverlayMap<TValue> @base, Dictionary<string, Slot> changed, int[] touched, string[] tail, int count)
    {
        _places = @base._places;
        _keys = @base._keys;
        _values = @base._values;
        _changed = changed;
        _touched = touched;
        _tail = tail;
        Count = count;
    }

    public int Count { get; }

    public TValue this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public IEnumerable<string> Keys => this.Select(e => e.Key);

    public IEnumerable<TValue> Values => this.Select(e => e.Value);

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out TValue value)
    {
        if (_changed.Count > 0 && _changed.TryGetValue(key, out var slot))
        {
            value = slot.Value;
            return slot.Present;
        }
        if (_places.TryGetValue(key, out var place))
        {
            value = _values[place];
            return true;
        }
        value = default;
        return false;
    }

    /// <summary>
    /// This map with <paramref name="removed"/> taken out, then <paramref name="set"/> put in, in order: an id present
    /// keeps its place, another comes last. Costs the change and a copy of the overlay; now and then a fold of the whole.
    /// </summary>
    public OverlayMap<TValue> With(IEnumerable<string> removed, IEnumerable<KeyValuePair<string, TValue>> set)
    {
        var changed = new Dictionary<string, Slot>(_changed, StringComparer.Ordinal);
        var touched = new List<int>(_touched);
        var tail = new List<string>(_tail);
        var count = Count;
        bool Present(string id) => changed.TryGetValue(id, out var slot) ? slot.Present : _places.ContainsKey(id);
        void Change(string id, Slot slot)
        {
            if (!changed.ContainsKey(id) && _places.TryGetValue(id, out var place)) touched.Add(place);
            changed[id] = slot;
        }
        foreach (var id in removed)
        {
            if (!Present(id)) continue;
            Change(id, new Slot(default!, Present: false, Place: -1));
            count--;
        }
        foreach (var (id, value) in set)
        {
            if (Present(id))
            {
                Change(id, new Slot(value, Present: true, changed.TryGetValue(id, out var slot) ? slot.Place : -1));
                continue;
            }
            Change(id, new Slot(value, Present: true, tail.Count));
            tail.Add(id);
            count++;
        }
        touched.Sort();
        var next = new OverlayMap<TValue>(this, changed, [.. touched], [.. tail], count);
        // Each change copies the overlay, each fold the whole map: fold when the overlay is about the root of the map's size.
        return changed.Count + tail.Count > Math.Max(64, 2 * (int)Math.Sqrt(count)) ? new OverlayMap<TValue>(next) : next;
    }

    public IEnumerator<KeyValuePair<string, TValue>> GetEnumerator()
    {
        var next = 0;
        for (var place = 0; place < _keys.Length; place++)
        {
            if (next < _touched.Length && _touched[next] == place)
            {
                next++;
                if (_changed[_keys[place]] is { Present: true, Place: < 0 } slot) yield return new(_keys[place], slot.Value);
            }
            else
            {
                yield return new(_keys[place], _values[place]);
            }
        }
        for (var i = 0; i < _tail.Length; i++)
            if (_changed[_tail[i]] is { Present: true } slot && slot.Place == i)
                yield return new(_tail[i], slot.Value);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
