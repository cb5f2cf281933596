using System.CommandLine;
using IomDirectory.Cli.Output;
using IomDirectory.Contracts.V1;
using Spectre.Console;

namespace IomDirectory.Cli.Commands;

/// <summary>iomdir history: every version of a record (a unit, else an office, a mailbox, a focal point), what changed and where it came from.</summary>
public static class HistoryCommand
{
    private static readonly string[] Kinds = ["units", "offices", "mailboxes", "focal-points"];

    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "Id of a unit, office, mailbox or focal point" };
        var command = new Command("history", "Shows every version of a record: its dates, what changed (old → new), its source and who changed it, when and why.")
        {
            id,
        };
        command.WithExamples("iomdir history pcca", "iomdir history rts-nairobi --json");
        command.SetAction((parse, cancellation) => CliContext.RunAsync(parse, cancellation, async context =>
        {
            var wanted = Records.Id(parse.GetValue(id)!);
            GetRecordHistoryResponse? history = null;
            foreach (var kind in Kinds)
            {
                try
                {
                    history = await context.CallAsync(context.Directory.GetRecordHistoryAsync,
                        new GetRecordHistoryRequest { Kind = kind, Id = wanted });
                    break;
                }
                catch (CliFailure failure) when (failure.ExitCode == ExitCodes.NotFound)
                {
                }
            }
            if (history is null)
                throw new CliFailure(ExitCodes.NotFound, $"nothing with id '{wanted}' (no unit, office, mailbox or focal point)");
            if (context.Output.Json)
            {
                context.Output.Message(history);
                return ExitCodes.Ok;
            }
            var table = Terminal.Table("validity", "title", "what changed", "source");
            foreach (var (version, index) in history.Versions.Select((v, i) => (v, i)))
                table.AddRow(new Text(MessageText.Validity(version.Validity) + (version.Shown ? " (now)" : "")), new Text(version.Title),
                    new Text(index == 0 ? "first version recorded" : version.Changes.Count == 0 ? "no field changed"
                        : string.Join(Environment.NewLine, version.Changes.Select(MessageText.Change))),
                    new Text(MessageText.Provenance(version.Provenance)));
            context.Output.Render(table);
            context.Output.Line($"{history.Versions.Count} version(s) of {history.Kind} {history.Id}.");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
