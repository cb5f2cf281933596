using System.CommandLine;
using IomDirectory.Cli.Output;
using IomDirectory.Contracts.V1;
using Spectre.Console;

namespace IomDirectory.Cli.Commands;

/// <summary>iomdir audit: ListAuditEvents, every page up to --limit, oldest first.</summary>
public static class AuditCommand
{
    public static Command Create()
    {
        var entity = new Option<string?>("--entity") { Description = "Only changes to this record", HelpName = "ID" };
        var actor = new Option<string?>("--actor") { Description = "Only changes by this person", HelpName = "NAME" };
        var since = Dates.Option("--since", "Only changes made on or after this date");
        var limit = new Option<int>("--limit") { Description = "At most this many events (default 200)", HelpName = "N", DefaultValueFactory = _ => 200 };

        var command = new Command("audit", "Lists the audit trail: who changed what, when and why.")
        {
            entity, actor, since, limit,
        };
        command.WithExamples("iomdir audit --entity pcca --since 2025-01-01");
        command.SetAction((parse, cancellation) => CliContext.RunAsync(parse, cancellation, async context =>
        {
            var max = Math.Max(1, parse.GetValue(limit));
            var request = new ListAuditEventsRequest
            {
                EntityId = parse.GetValue(entity) ?? "",
                Actor = parse.GetValue(actor) ?? "",
                Since = parse.GetValue(since),
                PageSize = Math.Min(max, 500),
            };
            var all = new ListAuditEventsResponse();
            do
            {
                var page = await context.CallAsync(context.Admin.ListAuditEventsAsync, request);
                all.Events.AddRange(page.Events.Take(max - all.Events.Count));
                request.PageToken = all.Events.Count < max ? page.NextPageToken : "";
                all.NextPageToken = page.NextPageToken;
            }
            while (request.PageToken.Length > 0);

            if (context.Output.Json)
            {
                // What changed is in changes, by API field names; the stored JSON (internal names) would only confuse.
                foreach (var e in all.Events.Where(e => e.Changes.Count > 0))
                    (e.BeforeJson, e.AfterJson) = ("", "");
                context.Output.Message(all);
                return ExitCodes.Ok;
            }
            var table = Terminal.Table("seq", "at", "actor", "operation", "record", "effective", "what changed", "reason");
            foreach (var e in all.Events)
                table.AddRow(new Text(e.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)), new Text(MessageText.Date(e.At)),
                    new Text(e.Actor), new Text(e.Operation), new Text($"{e.EntityKind} {e.EntityId}"), new Text(MessageText.Date(e.EffectiveFrom)),
                    new Text(string.Join(Environment.NewLine, e.Changes.Select(MessageText.Change))), new Text(e.Reason));
            context.Output.Render(table);
            context.Output.Line($"{all.Events.Count} event(s).");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
