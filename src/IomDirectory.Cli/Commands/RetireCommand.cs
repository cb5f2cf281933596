using System.CommandLine;
using Grpc.Core;
using IomDirectory.Contracts.V1;

namespace IomDirectory.Cli.Commands;

/// <summary>iomdir retire unit|office|mailbox|focal-point ID: closes the record's current version (nothing is deleted).</summary>
public static class RetireCommand
{
    public static Command Create()
    {
        var command = new Command("retire", "Retires a unit, office, mailbox or focal point (closes it; history stays).");
        command.WithExamples("iomdir retire mailbox old-mailbox --reason \"TICKET-9\"", "iomdir retire unit old-unit --move-children-to dhrr --retire-mailboxes --reason \"TICKET-10\"");
        command.Subcommands.Add(Unit());
        command.Subcommands.Add(Simple("office", c => c.Admin.RetireOfficeAsync, async (c, id) => (await Records.OfficeAsync(c, id))?.Version));
        command.Subcommands.Add(Simple("mailbox", c => c.Admin.RetireMailboxAsync, async (c, id) => (await Records.MailboxAsync(c, id))?.Version));
        command.Subcommands.Add(Simple("focal-point", c => c.Admin.RetireFocalPointAsync, async (c, id) => (await Records.FocalPointAsync(c, id))?.Version));
        return command;
    }

    private static Command Unit()
    {
        var id = new Argument<string>("id") { Description = "Id of the unit" };
        var moveChildrenTo = new Option<string?>("--move-children-to") { Description = "Re-parent its active children here", HelpName = "UNIT" };
        var retireChildren = new Option<bool>("--retire-children") { Description = "Or retire its whole subtree" };
        var moveMailboxesTo = new Option<string?>("--move-mailboxes-to") { Description = "Reassign its active mailboxes to this unit", HelpName = "UNIT" };
        var retireMailboxes = new Option<bool>("--retire-mailboxes") { Description = "Or retire its mailboxes" };
        var retireFocalPoints = new Option<bool>("--retire-focal-points") { Description = "Retire the focal points acting for it" };
        var write = new WriteOptions();
        var command = new Command("unit", "Retires a unit; say what becomes of its children, mailboxes and focal points.")
        {
            id, moveChildrenTo, retireChildren, moveMailboxesTo, retireMailboxes, retireFocalPoints,
        };
        command.WithExamples("iomdir retire unit old-unit --move-children-to dhrr --retire-mailboxes --reason \"TICKET-10\"");
        write.AddTo(command);
        command.SetAction((parse, cancellation) => CliContext.RunAsync(parse, cancellation, async context =>
        {
            var unitId = Records.Id(parse.GetValue(id)!);
            var current = await Records.UnitAsync(context, unitId) ?? throw Records.NotFound("unit", unitId);
            var request = new RetireUnitRequest
            {
                Id = unitId,
                ExpectedVersion = write.Version(parse, current.Version),
                MoveChildrenTo = Records.Id(parse.GetValue(moveChildrenTo) ?? ""),
                RetireChildren = parse.GetValue(retireChildren),
                MoveMailboxesTo = Records.Id(parse.GetValue(moveMailboxesTo) ?? ""),
                RetireMailboxes = parse.GetValue(retireMailboxes),
                RetireFocalPoints = parse.GetValue(retireFocalPoints),
                Write = write.Context(parse),
            };
            Report(context, "unit", unitId, await context.CallAsync(context.Admin.RetireUnitAsync, request));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Simple(string kind, Func<CliContext, Func<RetireRequest, CallOptions, AsyncUnaryCall<RetireResponse>>> retire,
        Func<CliContext, string, Task<long?>> currentVersion)
    {
        var id = new Argument<string>("id") { Description = $"Id of the {kind}" };
        var write = new WriteOptions();
        var command = new Command(kind, $"Retires {Article(kind)}.") { id };
        command.WithExamples($"iomdir retire {kind} ID --reason \"TICKET-11\"");
        write.AddTo(command);
        command.SetAction((parse, cancellation) => CliContext.RunAsync(parse, cancellation, async context =>
        {
            var recordId = Records.Id(parse.GetValue(id)!);
            var current = await currentVersion(context, recordId) ?? throw Records.NotFound(kind, recordId);
            var request = new RetireRequest { Id = recordId, ExpectedVersion = write.Version(parse, current), Write = write.Context(parse) };
            Report(context, kind, recordId, await context.CallAsync(retire(context), request));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static string Article(string kind) => kind == "office" ? "an office" : "a " + kind.Replace('-', ' ');

    private static void Report(CliContext context, string kind, string id, RetireResponse response)
    {
        if (context.Output.Json)
        {
            context.Output.Message(response);
            return;
        }
        context.Output.Line($"Retired {kind} {id} (change sequence {response.Sequence}).");
        if (response.RetiredIds.Count > 1)
            context.Output.Line("  Retired: " + string.Join(", ", response.RetiredIds));
        if (response.MovedIds.Count > 0)
            context.Output.Line("  Moved:   " + string.Join(", ", response.MovedIds));
    }
}
