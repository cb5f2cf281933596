using System.CommandLine;
using System.CommandLine.Invocation;
using IomDirectory.Cli.Commands;

namespace IomDirectory.Cli;

/// <summary>The command tree, and the one entry point: parse, report usage errors (exit 2), run the command.</summary>
public static class CliApp
{
    public static RootCommand Build()
    {
        var root = new RootCommand(
            "iomdir: the IomDirectory command-line client (IOM's org chart over gRPC). " +
            "Every command takes --server, --token and --json; see 'iomdir COMMAND --help'.")
        {
            GlobalOptions.Server,
            GlobalOptions.Token,
            GlobalOptions.Json,
        };
        Command[] commands =
        [
            AskCommand.Create(), SearchCommand.Create(), ShowCommand.Create(), HistoryCommand.Create(), TreeCommand.Create(), CountryCommand.Create(),
            OfficesCommand.Create(), LoginCommand.Create(), LogoutCommand.Create(), TokenCommand.Create(), ImportCommand.Create(), ExportCommand.Create(),
            CreateCommand.Create(), EditCommand.Create(), MoveCommand.Create(), RetireCommand.Create(), AuditCommand.Create(), WatchCommand.Create(),
            GapsCommand.Create(),
            WebhooksCommand.Create(),
        ];
        foreach (var command in commands)
            root.Subcommands.Add(command);
        root.WithExamples("iomdir ask \"Who handles staff travel?\" --country KE", "iomdir tree dhrr", "iomdir show pcca --json");
        CommandHelp.Install(root);
        return root;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var parse = Build().Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is ParseErrorAction)
        {
            foreach (var error in parse.Errors)
                Console.Error.WriteLine($"iomdir: {error.Message}");
            Console.Error.WriteLine($"Usage: see 'iomdir {CommandPath(parse)}--help'.");
            return ExitCodes.Usage;
        }

        return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
    }

    private static string CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result.Parent is not null; result = (System.CommandLine.Parsing.CommandResult)result.Parent)
            names.Insert(0, result.Command.Name);
        return names.Count == 0 ? "" : string.Join(' ', names) + " ";
    }
}
