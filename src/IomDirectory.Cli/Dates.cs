using System.CommandLine;
using System.Globalization;
using Google.Protobuf.WellKnownTypes;

namespace IomDirectory.Cli;

/// <summary>
/// Date options, YYYY-MM-DD, as protobuf timestamps: a date the change takes effect or a lower bound (<see cref="Option"/>)
/// starts its day (UTC midnight); a date to read the directory as of (<see cref="AsOfOption"/>) means the end of that day,
/// today's date now (<see cref="IomDirectory.Contracts.AsOfDates"/>), as on the web page.
/// </summary>
public static class Dates
{
    public static Option<Timestamp?> Option(string name, string description) =>
        Parsed(name, description, date => date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));

    public static Option<Timestamp?> AsOfOption(string description) =>
        Parsed("--as-of", description, date => IomDirectory.Contracts.AsOfDates.Instant(date, DateTime.UtcNow));

    private static Option<Timestamp?> Parsed(string name, string description, Func<DateOnly, DateTime> instant) => new(name)
    {
        Description = description + " (YYYY-MM-DD)",
        HelpName = "DATE",
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (IomDirectory.Contracts.AsOfDates.TryParse(text, out var date))
                return Timestamp.FromDateTime(instant(date));
            result.AddError($"{name}: '{text}' is not a date; expected YYYY-MM-DD.");
            return null;
        },
    };
}
