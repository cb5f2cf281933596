using System.Globalization;

namespace IomDirectory.Contracts;

/// <summary>
/// What a date without a time means when a person asks for the directory "as of" it (the web page's date picker,
/// <c>iomdir --as-of</c>, <c>asOf=YYYY-MM-DD</c> on the JSON routes): the end of that day in UTC, so that a change made
/// during the day is shown; today's date means now. An effective date of a write is another thing: it starts its day.
/// </summary>
public static class AsOfDates
{
    public const string Format = "yyyy-MM-dd";

    public static bool TryParse(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>The instant a date-only as-of stands for: now for today (UTC), else the last tick of that day.</summary>
    public static DateTime Instant(DateOnly date, DateTime utcNow)
    {
        if (date == DateOnly.FromDateTime(utcNow)) return utcNow;
        return date.ToDateTime(TimeOnly.MaxValue, DateTimeKind.Utc);
    }
}
