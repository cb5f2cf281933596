using Google.Protobuf.WellKnownTypes;
using IomDirectory.Server.Application;

namespace IomDirectory.Server.Rpc;

/// <summary>
/// A google.protobuf.Timestamp to a UTC DateTime, or INVALID_ARGUMENT naming the field: seconds must lie within
/// 0001-01-01 .. 9999-12-31 and nanos within 0 .. 999,999,999. Timestamp.ToDateTime throws otherwise, which used to
/// surface as INTERNAL with an error log and a stack trace, before authorization: a cheap way to flood the logs.
/// </summary>
internal static class TimestampMapping
{
    private const long MinSeconds = -62_135_596_800;   // 0001-01-01T00:00:00Z
    private const long MaxSeconds = 253_402_300_799;   // 9999-12-31T23:59:59Z

    public static DateTime ToUtc(Timestamp timestamp, string field)
    {
        if (timestamp.Seconds is < MinSeconds or > MaxSeconds)
            throw new InvalidRequestException(field, $"{field} is out of range: seconds must be between {MinSeconds} (year 1) and {MaxSeconds} (year 9999)");
        if (timestamp.Nanos is < 0 or > 999_999_999)
            throw new InvalidRequestException(field, $"{field} is not a valid timestamp: nanos must be between 0 and 999999999");
        return timestamp.ToDateTime();
    }

    /// <summary>The wire name of the field a binding passed ("r.AsOf" → "as_of", "r.Since" → "since").</summary>
    public static string FieldName(string expression)
    {
        var name = expression[(expression.LastIndexOf('.') + 1)..];
        var wire = new System.Text.StringBuilder(name.Length + 4);
        foreach (var ch in name)
        {
            if (char.IsUpper(ch) && wire.Length > 0) wire.Append('_');
            wire.Append(char.ToLowerInvariant(ch));
        }
        return wire.ToString();
    }
}
