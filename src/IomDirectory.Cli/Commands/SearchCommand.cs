using System.CommandLine;
using IomDirectory.Cli.Output;
using IomDirectory.Contracts.V1;
using Spectre.Console;

namespace IomDirectory.Cli.Commands;

/// <summary>iomdir search: DirectoryService.SearchDirectory over offices, units, mailboxes, focal points and committees.</summary>
public static class SearchCommand
{
    public static Command Create()
    {
        var text = new Argument<string>("text") { Description = "Free text (case- and accent-insensitive)" };
        var kinds = new Option<string[]>("--kind")
        {
            Description = "Only these kinds (repeatable): office, unit, mailbox, focal_point, committee",
            HelpName = "KIND",
        };
        kinds.AcceptOnlyFromAmong("office", "unit", "mailbox", "focal_point", "committee");
        var limit = new Option<int>("--limit") { Description = "At most this many hits (1..100; default 20)", HelpName = "N" };
        var asOf = Dates.AsOfOption("Search the org chart as it stood on this date");
        var language = new Option<string?>("--lang") { Description = "Language of names: en, fr or es", HelpName = "LANG" };
        language.AcceptOnlyFromAmong("en", "fr", "es");

        var command = new Command("search", "Searches the directory: offices, units, mailboxes, focal points, committees.")
        {
            text, kinds, limit, asOf, language,
        };
        command.WithExamples("iomdir search \"climate\" --kind unit");
        command.SetAction((parse, cancellation) => CliContext.RunAsync(parse, cancellation, async context =>
        {
            var request = new SearchDirectoryRequest
            {
                Query = parse.GetValue(text)!,
                PageSize = parse.GetValue(limit),
                AsOf = parse.GetValue(asOf),
                Language = parse.GetValue(language) ?? "",
            };
            request.Kinds.AddRange(parse.GetValue(kinds) ?? []);
            var response = await context.CallAsync(context.Directory.SearchDirectoryAsync, request);
            if (context.Output.Json)
            {
                context.Output.Message(response);
                return ExitCodes.Ok;
            }
            if (response.Hits.Count == 0)
            {
                context.Output.Line("Nothing found.");
                return ExitCodes.Ok;
            }
            var table = Terminal.Table("kind", "id", "title", "snippet");
            foreach (var hit in response.Hits)
                table.AddRow(new Text(hit.Kind), new Text(hit.Id), new Text(hit.Title), new Text(hit.Snippet));
            context.Output.Render(table);
            context.Output.Line($"{response.Hits.Count} of {response.TotalSize} hit(s).");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
