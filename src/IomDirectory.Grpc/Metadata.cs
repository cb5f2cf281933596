using System.Collections;
using System.Text;

namespace IomDirectory.Grpc;

/// <summary>
/// gRPC metadata (custom headers or trailers). Keys are lower-cased; keys ending in "-bin" hold bytes
/// (base64 on the wire), all others hold ASCII strings.
/// </summary>
public sealed class Metadata : IEnumerable<Metadata.Entry>
{
    /// <summary>Suffix that marks a binary key.</summary>
    public const string BinarySuffix = "-bin";

    private readonly List<Entry> _entries = [];

    public int Count => _entries.Count;

    public Entry this[int index] => _entries[index];

    public Metadata Add(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var normalized = NormalizeKey(key);
        if (IsBinaryKey(normalized))
        {
            throw new ArgumentException($"Key '{normalized}' ends with '-bin' and needs a byte[] value.", nameof(key));
        }

        _entries.Add(new Entry(normalized, value, null));
        return this;
    }

    public Metadata Add(string key, byte[] value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var normalized = NormalizeKey(key);
        if (!IsBinaryKey(normalized))
        {
            throw new ArgumentException($"Key '{normalized}' needs the '-bin' suffix for a byte[] value.", nameof(key));
        }

        _entries.Add(new Entry(normalized, null, value));
        return this;
    }

    /// <summary>The last entry with this key, or null.</summary>
    public Entry? Get(string key)
    {
        var normalized = key.ToLowerInvariant();
        for (var i = _entries.Count - 1; i >= 0; i--)
        {
            if (_entries[i].Key == normalized)
            {
                return _entries[i];
            }
        }

        return null;
    }

    /// <summary>The string value of the last entry with this key, or null.</summary>
    public string? GetValue(string key) => Get(key)?.Value;

    /// <summary>The bytes of the last entry with this key, or null.</summary>
    public byte[]? GetValueBytes(string key) => Get(key)?.ValueBytes;

    public bool Remove(Entry entry) => _entries.Remove(entry);

    public IEnumerator<Entry> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal static bool IsBinaryKey(string key) => key.EndsWith(BinarySuffix, StringComparison.OrdinalIgnoreCase);

    private static string NormalizeKey(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var normalized = key.ToLowerInvariant();
        foreach (var c in normalized)
        {
            var valid = c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.';
            if (!valid)
            {
                throw new ArgumentException($"Metadata key '{key}' has an invalid character '{c}'.", nameof(key));
            }
        }

        return normalized;
    }

    /// <summary>One metadata entry: either a string (<see cref="Value"/>) or bytes (<see cref="ValueBytes"/>).</summary>
    public sealed class Entry
    {
        private readonly string? _value;
        private readonly byte[]? _bytes;

        internal Entry(string key, string? value, byte[]? bytes)
        {
            Key = key;
            _value = value;
            _bytes = bytes;
        }

        public string Key { get; }

        public bool IsBinary => _bytes is not null;

        /// <summary>The string value; for a binary entry, its bytes read as UTF-8 is not meaningful, so this throws.</summary>
        public string Value => _value ?? throw new InvalidOperationException($"Entry '{Key}' is binary; use ValueBytes.");

        /// <summary>The bytes; for a string entry, its ASCII bytes.</summary>
        public byte[] ValueBytes => _bytes ?? Encoding.ASCII.GetBytes(_value!);

        public override string ToString() => IsBinary ? $"{Key}: <{_bytes!.Length} bytes>" : $"{Key}: {_value}";
    }
}
