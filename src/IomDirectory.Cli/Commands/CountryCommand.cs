using System.CommandLine;
using IomDirectory.Cli.Output;
using IomDirectory.Contracts.V1;
using Spectre.Console;

namespace IomDirectory.Cli.Commands;

/// <summary>iomdir country: ResolveCountry — which offices cover a country and whom its office approaches.</summary>
public static class CountryCommand
{
    public static Command Create()
    {
        var country = new Argument<string>("country") { Description = "ISO code (KE) or name in English, French or Spanish" };
        var asOf = Dates.AsOfOption("Coverage as it stood on this date");
        var language = new Option<string?>("--lang") { Description = "Language of names: en, fr or es", HelpName = "LANG" };
        language.AcceptOnlyFromAmong("en", "fr", "es");

        var command = new Command("country", "Shows a country's coverage (country, regional, sub-regional offices) and focal points.")
        {
            country, asOf, language,
        };
        command.WithExamples("iomdir country KE", "iomdir country \"Côte d'Ivoire\" --lang fr");
        command.SetAction((parse, cancellation) => CliContext.RunAsync(parse, cancellation, async context =>
        {
            var request = new ResolveCountryRequest
            {
                Country = parse.GetValue(country)!,
                AsOf = parse.GetValue(asOf),
                Language = parse.GetValue(language) ?? "",
            };
            var response = await context.CallAsync(context.Directory.ResolveCountryAsync, request);
            if (context.Output.Json)
            {
                context.Output.Message(response);
                return ExitCodes.Ok;
            }
            var output = context.Output;
            output.Line($"{response.Country.Name} ({response.Country.Code})");
            output.Line($"  Country office:      {Office(response.CountryOffice)}");
            output.Line($"  Regional office:     {Office(response.RegionalOffice)}");
            output.Line($"  Sub-regional office: {Office(response.SubRegionalOffice)}");
            foreach (var other in response.OtherOffices)
                output.Line($"  Also in the country: {Office(other)}");
            if (response.FocalPoints.Count > 0)
            {
                output.Line("Focal points:");
                var table = Terminal.Table("role", "office", "unit", "e-mail", "id");
                foreach (var f in response.FocalPoints)
                    table.AddRow(new Text(f.RoleTitle), new Text(f.OfficeName), new Text(f.UnitName), new Text(f.Email), new Text(f.Id));
                output.Render(table);
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static string Office(Office? office) => office is null ? "none" :
        $"{office.Name}{(office.City.Length > 0 ? ", " + office.City : "")} [{office.Id}]";
}
