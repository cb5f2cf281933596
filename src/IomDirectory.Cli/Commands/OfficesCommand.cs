using System.CommandLine;
using IomDirectory.Cli.Output;
using IomDirectory.Contracts.V1;
using Spectre.Console;

namespace IomDirectory.Cli.Commands;

/// <summary>iomdir offices: ListOffices, every page, filtered by type and country.</summary>
public static class OfficesCommand
{
    public static Command Create()
    {
        var type = new Option<string?>("--type")
        {
            Description = "Office type: " + string.Join(", ", Enums.Names(Enums.OfficeType)),
            HelpName = "TYPE",
        };
        var country = new Option<string?>("--country") { Description = "ISO code or country name", HelpName = "COUNTRY" };
        var region = new Option<string?>("--region") { Description = "Id of a regional or sub-regional office: offices in the countries it covers", HelpName = "ID" };
        var asOf = Dates.AsOfOption("Offices as they stood on this date");

        var command = new Command("offices", "Lists offices.")
        {
            type, country, region, asOf,
        };
        command.WithExamples("iomdir offices --type regional_office", "iomdir offices --country KE");
        command.SetAction((parse, cancellation) => CliContext.RunAsync(parse, cancellation, async context =>
        {
            var request = new ListOfficesRequest
            {
                Country = parse.GetValue(country) ?? "",
                Region = parse.GetValue(region) ?? "",
                PageSize = 500,
                AsOf = parse.GetValue(asOf),
            };
            if (parse.GetValue(type) is { } typeName)
                request.Type = (OfficeType)Enums.Parse(Enums.OfficeType, typeName, "--type");

            var all = new ListOfficesResponse();
            do
            {
                var page = await context.CallAsync(context.Directory.ListOfficesAsync, request);
                all.Offices.AddRange(page.Offices);
                all.TotalSize = page.TotalSize;
                request.PageToken = page.NextPageToken;
            }
            while (request.PageToken.Length > 0);

            if (context.Output.Json)
            {
                context.Output.Message(all);
                return ExitCodes.Ok;
            }
            var table = Terminal.Table("id", "type", "name", "city", "country");
            foreach (var o in all.Offices)
                table.AddRow(new Text(o.Id), new Text(MessageText.EnumName(Enums.OfficeType, (int)o.Type)), new Text(o.Name),
                    new Text(o.City), new Text(o.CountryCode));
            context.Output.Render(table);
            context.Output.Line($"{all.Offices.Count} office(s).");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
