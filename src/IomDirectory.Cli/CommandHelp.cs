using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Runtime.CompilerServices;

namespace IomDirectory.Cli;

/// <summary>
/// Examples under every command's --help: the standard help, then an "Examples:" section. Kept apart from the
/// description so the command list of 'iomdir --help' stays one line per command.
/// </summary>
public static class CommandHelp
{
    private static readonly ConditionalWeakTable<Command, string[]> ExamplesOf = new();

    public static TCommand WithExamples<TCommand>(this TCommand command, params string[] examples)
        where TCommand : Command
    {
        ExamplesOf.AddOrUpdate(command, examples);
        return command;
    }

    /// <summary>Makes the root's (recursive) --help print the examples of the command asked about.</summary>
    public static void Install(RootCommand root)
    {
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new WithExamplesAction((HelpAction)help.Action!);
    }

    private sealed class WithExamplesAction(HelpAction standard) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var result = standard.Invoke(parseResult);
            if (ExamplesOf.TryGetValue(parseResult.CommandResult.Command, out var examples) && examples.Length > 0)
            {
                var output = parseResult.InvocationConfiguration.Output;
                output.WriteLine("Examples:");
                foreach (var example in examples)
                    output.WriteLine("  " + example);
                output.WriteLine();
            }
            return result;
        }
    }
}
