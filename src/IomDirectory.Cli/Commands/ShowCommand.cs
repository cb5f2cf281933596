using System.CommandLine;
using Google.Protobuf;
using IomDirectory.Cli.Output;
using IomDirectory.Contracts.V1;

namespace IomDirectory.Cli.Commands;

/// <summary>iomdir show: one record by id (a unit, else an office, else a mailbox or focal point), every attribute.</summary>
public static class ShowCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "Id of a unit, office, mailbox or focal point, or a unit's acronym (any case)" };
        var asOf = Dates.AsOfOption("The record as it stood on this date");
        var command = new Command("show", "Shows one record with all its attributes, provenance and validity.")
        {
            id, asOf,
        };
        command.WithExamples("iomdir show pcca --as-of 2024-01-01", "iomdir show DHRR");
        command.SetAction((parse, cancellation) => CliContext.RunAsync(parse, cancellation, async context =>
        {
            var given = parse.GetValue(id)!.Trim();
            var wanted = Records.Id(given);
            var date = parse.GetValue(asOf);
            (string Kind, IMessage Message) record = await Records.UnitAsync(context, wanted, date) is { } unit ? ("unit", unit)
                : await Records.OfficeAsync(context, wanted, date) is { } office ? ("office", office)
                : await Records.MailboxAsync(context, wanted, date) is { } mailbox ? ("mailbox", mailbox)
                : await Records.FocalPointAsync(context, wanted, date) is { } focalPoint ? ("focal point", focalPoint)
                : await Records.UnitByAcronymAsync(context, given, date) is { } byAcronym ? ("unit", byAcronym)
                : throw new CliFailure(ExitCodes.NotFound, $"nothing with id or acronym '{given}' (no unit, office, mailbox or focal point)");

            if (context.Output.Json)
            {
                context.Output.Message(record.Message);
                return ExitCodes.Ok;
            }
            context.Output.Line($"{"record",-18} {record.Kind}");
            foreach (var (field, text) in MessageText.Fields(record.Message))
                context.Output.Line($"{field,-18} {text.ReplaceLineEndings(Environment.NewLine + new string(' ', 19))}");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
