using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using IomDirectory.Server.Infrastructure;

namespace IomDirectory.Server.Seeding;

/// <summary>
/// A JSON string's text through the <see cref="LoadPool"/>, decoded into a stack buffer and allocated only when the
/// pool has not seen it: data/ repeats most of its texts (phrases, names, parents, sources), and building a string
/// for each occurrence only to drop it for the pooled one was much of the cost of reading.
/// </summary>
internal static class PooledJsonText
{
    private const int StackLimit = 2048;

    /// <param name="value">A JSON string (<see cref="JsonValueKind.String"/>).</param>
    public static string Text(this LoadPool pool, JsonElement value)
    {
        var raw = JsonMarshal.GetRawUtf8Value(value);
        if (raw.Length >= 2 && raw[0] == (byte)'"')
            raw = raw[1..^1];
        if (raw.Length > StackLimit || raw.Contains((byte)'\\'))
            return pool.Text(value.GetString()!);    // escapes need the JSON decoder
        Span<char> chars = stackalloc char[raw.Length];
        return pool.Text(chars[..Encoding.UTF8.GetChars(raw, chars)]);
    }
}
