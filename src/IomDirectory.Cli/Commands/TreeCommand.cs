using System.CommandLine;
using IomDirectory.Contracts.V1;

namespace IomDirectory.Cli.Commands;

/// <summary>iomdir tree: the org chart under a unit (or from the roots), streamed by GetSubtree and indented by depth.</summary>
public static class TreeCommand
{
    public static Command Create()
    {
        var id = new Argument<string?>("id") { Description = "Unit to start from (default: the whole tree)", Arity = ArgumentArity.ZeroOrOne };
        var asOf = Dates.AsOfOption("The org chart as it stood on this date");
        var depth = new Option<int>("--depth") { Description = "Levels below the start (default: all)", HelpName = "N" };
        var language = new Option<string?>("--lang") { Description = "Language of names: en, fr or es", HelpName = "LANG" };
        language.AcceptOnlyFromAmong("en", "fr", "es");

        var command = new Command("tree", "Shows the org chart, indented.")
        {
            id, asOf, depth, language,
        };
        command.WithExamples("iomdir tree dhrr --as-of 2024-01-01");
        command.SetAction((parse, cancellation) => CliContext.RunAsync(parse, cancellation, async context =>
        {
            var request = new GetSubtreeRequest
            {
                Id = parse.GetValue(id) ?? "",
                MaxDepth = parse.GetValue(depth),
                AsOf = parse.GetValue(asOf),
                Language = parse.GetValue(language) ?? "",
            };
            var nodes = context.StreamAsync(context.Directory.GetSubtree, request);
            if (context.Output.Json)
            {
                var all = new List<SubtreeNode>();
                await foreach (var node in nodes)
                    all.Add(node);
                context.Output.Messages(all);
                return ExitCodes.Ok;
            }
            await foreach (var node in nodes)
            {
                var unit = node.Unit;
                var acronym = unit.Acronym.Length > 0 && !unit.Name.Contains(unit.Acronym, StringComparison.Ordinal) ? $" ({unit.Acronym})" : "";
                context.Output.Line($"{new string(' ', 2 * node.Depth)}{unit.Name}{acronym} [{unit.Id}]");
            }
            return ExitCodes.Ok;
        }));
        return command;
    }
}
