using System.Globalization;
using System.Text;

namespace IomDirectory.Server.Features.Common;

/// <summary>
/// A page of a list: how many items (0 = the list's default) and the opaque token of the previous page's end.
/// Tokens are base64url of "o:OFFSET"; anything else is rejected by <see cref="ReadRules"/>.
/// </summary>
public readonly record struct PageRequest(int Size, string Token)
{
    public int Offset => TryDecode(Token, out var offset) ? offset : 0;

    public int SizeOr(int defaultSize) => Size == 0 ? defaultSize : Size;

    public static string Encode(int offset) =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes("o:" + offset.ToString(CultureInfo.InvariantCulture)))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryDecode(string token, out int offset)
    {
        offset = 0;
        if (string.IsNullOrEmpty(token)) return true;
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
            var text = Encoding.ASCII.GetString(Convert.FromBase64String(base64));
            return text.StartsWith("o:", StringComparison.Ordinal)
                   && int.TryParse(text.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out offset);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Cuts one page out of an ordered list.</summary>
    public Paged<T> Apply<T>(IReadOnlyList<T> all, int defaultSize)
    {
        var size = SizeOr(defaultSize);
        var offset = Math.Min(Offset, all.Count);
        var items = all.Skip(offset).Take(size).ToList();
        var next = offset + items.Count < all.Count ? Encode(offset + items.Count) : "";
        return new Paged<T>(items, next, all.Count);
    }
}
