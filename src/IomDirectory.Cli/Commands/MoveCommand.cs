using System.CommandLine;
using IomDirectory.Contracts.V1;

namespace IomDirectory.Cli.Commands;

/// <summary>iomdir move unit ID --to PARENT: MoveUnit with the version just read.</summary>
public static class MoveCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "Id of the unit to move" };
        var to = new Option<string>("--to") { Description = "Id of the new parent unit", HelpName = "PARENT", Required = true };
        var write = new WriteOptions();
        var unit = new Command("unit", "Moves a unit (with its subtree) under another parent.")
        {
            id, to,
        };
        unit.WithExamples("iomdir move unit cbi-unit --to dhrr --reason \"DG bulletin 2024/10\" --effective 2024-10-01");
        write.AddTo(unit);
        unit.SetAction((parse, cancellation) => CliContext.RunAsync(parse, cancellation, async context =>
        {
            var unitId = Records.Id(parse.GetValue(id)!);
            var current = await Records.UnitAsync(context, unitId) ?? throw Records.NotFound("unit", unitId);
            var request = new MoveUnitRequest
            {
                Id = unitId,
                ExpectedVersion = write.Version(parse, current.Version),
                NewParentUnitId = Records.Id(parse.GetValue(to)!),
                Write = write.Context(parse),
            };
            var moved = await context.CallAsync(context.Admin.MoveUnitAsync, request);
            if (context.Output.Json)
                context.Output.Message(moved);
            else
                context.Output.Line($"Moved unit {unitId} from {Or(current.ParentUnitId)} to {Or(moved.ParentUnitId)}: now version {moved.Version}.");
            return ExitCodes.Ok;
        }));

        var command = new Command("move", "Moves a record in the org chart.");
        command.WithExamples("iomdir move unit cbi-unit --to dhrr --reason \"TICKET-7\"");
        command.Subcommands.Add(unit);
        return command;
    }

    private static string Or(string id) => id.Length > 0 ? id : "(root)";
}
