using System.CommandLine;
using System.Globalization;
using IomDirectory.Cli.Output;
using IomDirectory.Contracts.V1;

namespace IomDirectory.Cli.Commands;

/// <summary>
/// iomdir watch: WatchChanges until Ctrl+C (or --count events). With --json, one JSON object per line (the stream
/// may never end, so no enclosing array).
/// </summary>
public static class WatchCommand
{
    public static Command Create()
    {
        var from = new Option<long>("--from") { Description = "Start after this change sequence (default 0: from the beginning)", HelpName = "SEQ" };
        var count = new Option<int?>("--count") { Description = "Stop after this many events", HelpName = "N" };

        var command = new Command("watch", "Follows every committed change as it happens, until Ctrl+C.")
        {
            from, count,
        };
        command.WithExamples("iomdir watch --from 120", "iomdir watch --json | jq .event.entityId");
        command.SetAction((parse, cancellation) => CliContext.RunAsync(parse, cancellation, async context =>
        {
            var limit = parse.GetValue(count);
            if (limit is <= 0)
                return ExitCodes.Ok;
            var seen = 0;
            try
            {
                var request = new WatchChangesRequest { AfterSequence = parse.GetValue(from) };
                await foreach (var change in context.StreamAsync(context.Admin.WatchChanges, request))
                {
                    if (context.Output.Json)
                        context.Output.MessageLine(change);
                    else
                        Print(context.Output, change);
                    if (++seen == limit)
                        break;
                }
            }
            catch (OperationCanceledException) when (context.Cancellation.IsCancellationRequested)
            {
                // Ctrl+C is how a watch ends.
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static void Print(Terminal output, ChangeEvent change)
    {
        var e = change.Event;
        output.Line(string.Join("  ", change.Sequence.ToString(CultureInfo.InvariantCulture), MessageText.Date(e.At), e.Actor, e.Operation,
            $"{e.EntityKind} {e.EntityId}", e.Reason));
        Console.Out.Flush();
    }
}
