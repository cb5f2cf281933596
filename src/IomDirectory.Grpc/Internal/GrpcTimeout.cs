namespace IomDirectory.Grpc.Internal;

/// <summary>Parses and formats grpc-timeout: 1–8 ASCII digits followed by a unit H, M, S, m, u or n.</summary>
internal static class GrpcTimeout
{
    public static bool TryParse(string? value, out TimeSpan timeout)
    {
        timeout = default;
        if (value is null || value.Length < 2 || value.Length > 9)
        {
            return false;
        }

        long amount = 0;
        for (var i = 0; i < value.Length - 1; i++)
        {
            var c = value[i];
            if (c is < '0' or > '9')
            {
                return false;
            }

            amount = (amount * 10) + (c - '0');
        }

        long? ticks = value[^1] switch
        {
            'H' => amount * TimeSpan.TicksPerHour,
            'M' => amount * TimeSpan.TicksPerMinute,
            'S' => amount * TimeSpan.TicksPerSecond,
            'm' => amount * TimeSpan.TicksPerMillisecond,
            'u' => amount * TimeSpan.TicksPerMicrosecond,
            'n' => amount / 100,
            _ => null,
        };
        if (ticks is null)
        {
            return false;
        }

        timeout = TimeSpan.FromTicks(ticks.Value);
        return true;
    }

    /// <summary>Formats a timeout for a request, rounding up to whole milliseconds (at most 8 digits).</summary>
    public static string Format(TimeSpan timeout)
    {
        if (timeout <= TimeSpan.Zero)
        {
            return "1n";
        }

        var milliseconds = (long)Math.Ceiling(timeout.TotalMilliseconds);
        if (milliseconds < 100_000_000)
        {
            return milliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture) + "m";
        }

        var seconds = (long)Math.Ceiling(timeout.TotalSeconds);
        if (seconds < 100_000_000)
        {
            return seconds.ToString(System.Globalization.CultureInfo.InvariantCulture) + "S";
        }

        var hours = Math.Min(99_999_999, (long)Math.Ceiling(timeout.TotalHours));
        return hours.ToString(System.Globalization.CultureInfo.InvariantCulture) + "H";
    }
}
