using System.CommandLine;
using System.Globalization;
using Google.Protobuf.WellKnownTypes;

namespace IomDirectory.Cli;

/// <summary>Date options: YYYY-MM-DD, UTC midnight (the directory's dates), as protobuf timestamps.</summary>
public static class Dates
{
    public static Option<Timestamp?> Option(string name, string description) => new(name)
    {
        Description = description + " (YYYY-MM-DD)",
        HelpName = "DATE",
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                return Timestamp.FromDateTime(date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
            result.AddError($"{name}: '{text}' is not a date; expected YYYY-MM-DD.");
            return null;
        },
    };
}
