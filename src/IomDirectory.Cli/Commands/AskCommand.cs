using System.CommandLine;
using System.Globalization;
using IomDirectory.Cli.Output;
using IomDirectory.Contracts.V1;

namespace IomDirectory.Cli.Commands;

/// <summary>iomdir ask: RoutingService.SuggestContacts, best first, with e-mail, office and the reasons.</summary>
public static class AskCommand
{
    public static Command Create()
    {
        var question = new Argument<string>("question") { Description = "What you need, in English, French or Spanish" };
        var country = new Option<string?>("--country") { Description = "Your country: ISO code (KE) or name", HelpName = "COUNTRY" };
        var language = new Option<string?>("--lang") { Description = "Language of the answer: en, fr or es (default: detected)", HelpName = "LANG" };
        language.AcceptOnlyFromAmong("en", "fr", "es");
        var asOf = Dates.AsOfOption("Route on the org chart as it stood on this date");
        var limit = new Option<int>("--limit") { Description = "How many suggestions (1..20; default 5)", HelpName = "N" };

        var command = new Command("ask", "Who should I contact? Suggests contacts, best first, with the reasons.")
        {
            question, country, language, asOf, limit,
        };
        command.WithExamples("iomdir ask \"Qui contacter pour une mission de retour volontaire ?\" --country KE --lang fr");
        command.SetAction((parse, cancellation) => CliContext.RunAsync(parse, cancellation, async context =>
        {
            var request = new SuggestContactsRequest
            {
                Query = parse.GetValue(question)!,
                AskerCountry = parse.GetValue(country) ?? "",
                Language = parse.GetValue(language) ?? "",
                MaxResults = parse.GetValue(limit),
                AsOf = parse.GetValue(asOf),
            };
            var response = await context.CallAsync(context.Routing.SuggestContactsAsync, request);
            return context.Output.Result(response, Print);
        }));
        return command;
    }

    private static void Print(Terminal output, SuggestContactsResponse response)
    {
        if (response.Suggestions.Count == 0)
        {
            output.Line("No contact found.");
            return;
        }
        if (!response.Confident)
            output.Line("No close match; these are general contacts.");
        var rank = 0;
        foreach (var s in response.Suggestions)
        {
            rank++;
            var title = s.DisplayName + (s.Email.Length > 0 ? $" <{s.Email}>" : "");
            output.Line($"{rank}. {title}   ({s.ContactKind}, score {s.Score.ToString("0.00", CultureInfo.InvariantCulture)})");
            if (s.Email.Length == 0 && s.Route is { } route)
                output.Line($"   No direct address in the sources; write to {route.ViaName} <{route.Email}>: {route.Reason}");
            else if (s.Email.Length == 0 && s.Phones.Count == 0)
                output.Line("   No e-mail address, phone or route in the sources.");
            foreach (var phone in s.Phones)
                output.Line($"   Phone:  {phone}");
            if (s.RoleTitle.Length > 0)
                output.Line($"   Role:   {s.RoleTitle}");
            if (s.PersonName.Length > 0)
                output.Line($"   Person: {s.PersonName}{(s.PersonTitle.Length > 0 ? ", " + s.PersonTitle : "")}");
            if (s.UnitName.Length > 0)
                output.Line($"   Unit:   {s.UnitName} [{s.UnitId}]");
            if (s.OfficeName.Length > 0)
                output.Line($"   Office: {s.OfficeName}{(s.OfficeCity.Length > 0 ? ", " + s.OfficeCity : "")} [{s.OfficeId}]");
            foreach (var reason in s.Reasons)
                output.Line($"   - {reason}");
        }
    }
}
