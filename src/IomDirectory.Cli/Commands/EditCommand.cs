using System.CommandLine;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using IomDirectory.Contracts.V1;

namespace IomDirectory.Cli.Commands;

/// <summary>
/// iomdir edit unit|office|mailbox ID --set field=value …: reads the record's current version, then sends the
/// update with exactly the fields given (the field mask). A change by someone else in between is a conflict (exit 7).
/// </summary>
public static class EditCommand
{
    public static Command Create()
    {
        var command = new Command("edit", "Changes attributes of a unit, office, mailbox or focal point.");
        command.WithExamples("iomdir edit unit pcca --set name.en=\"Climate Action Division\" --set acronym=CAD --reason \"TICKET-42\"");
        command.Subcommands.Add(Kind<UnitInput, Unit>("unit", UnitInput.Descriptor,
            new Dictionary<string, string> { ["parent_unit_id"] = "use 'iomdir move unit ID --to PARENT'" },
            async (context, id) => (await Records.UnitAsync(context, id))?.Version,
            (context, id, version, input, mask, write) => context.CallAsync(context.Admin.UpdateUnitAsync,
                new UpdateUnitRequest { Id = id, ExpectedVersion = version, Unit = input, UpdateMask = mask, Write = write }),
            u => u.Version));
        command.Subcommands.Add(Kind<OfficeInput, Office>("office", OfficeInput.Descriptor, new Dictionary<string, string>(),
            async (context, id) => (await Records.OfficeAsync(context, id))?.Version,
            (context, id, version, input, mask, write) => context.CallAsync(context.Admin.UpdateOfficeAsync,
                new UpdateOfficeRequest { Id = id, ExpectedVersion = version, Office = input, UpdateMask = mask, Write = write }),
            o => o.Version));
        command.Subcommands.Add(Kind<MailboxInput, Mailbox>("mailbox", MailboxInput.Descriptor, new Dictionary<string, string>(),
            async (context, id) => (await Records.MailboxAsync(context, id))?.Version,
            (context, id, version, input, mask, write) => context.CallAsync(context.Admin.UpdateMailboxAsync,
                new UpdateMailboxRequest { Id = id, ExpectedVersion = version, Mailbox = input, UpdateMask = mask, Write = write }),
            m => m.Version));
        command.Subcommands.Add(Kind<FocalPointInput, FocalPoint>("focal-point", FocalPointInput.Descriptor, new Dictionary<string, string>(),
            async (context, id) => (await Records.FocalPointAsync(context, id))?.Version,
            (context, id, version, input, mask, write) => context.CallAsync(context.Admin.UpdateFocalPointAsync,
                new UpdateFocalPointRequest { Id = id, ExpectedVersion = version, FocalPoint = input, UpdateMask = mask, Write = write }),
            f => f.Version));
        return command;
    }

    private delegate Task<TRecord> Update<TInput, TRecord>(CliContext context, string id, long version, TInput input, FieldMask mask, Contracts.V1.WriteContext write);

    private static Command Kind<TInput, TRecord>(string kind, Google.Protobuf.Reflection.MessageDescriptor inputType,
        IReadOnlyDictionary<string, string> refused, Func<CliContext, string, Task<long?>> currentVersion,
        Update<TInput, TRecord> update, Func<TRecord, long> versionOf)
        where TInput : IMessage, new()
        where TRecord : IMessage
    {
        var id = new Argument<string>("id") { Description = $"Id of the {kind}" };
        var set = new Option<string[]>("--set")
        {
            Description = "field=value, repeatable. Fields: " + string.Join(", ", FieldAssignments.Known(inputType, refused)),
            HelpName = "FIELD=VALUE",
            Required = true,
        };
        var write = new WriteOptions();
        var command = new Command(kind, $"Changes attributes of {(kind == "office" ? "an" : "a")} {kind.Replace('-', ' ')}.")
        {
            id, set,
        };
        command.WithExamples(kind switch
        {
            "unit" => "iomdir edit unit pcca --set name.en=\"Climate Action Division\" --set acronym=CAD --reason \"TICKET-42\"",
            "office" => "iomdir edit office ro-nairobi --set channels.phones=\"+254 20 000 0000\" --reason \"TICKET-43\"",
            "focal-point" => "iomdir edit focal-point rts-bangkok --set person_name=\"NAME GIVEN BY DHRR\" --set channels.emails=someone@iom.int --reason \"TICKET-45\"",
            _ => "iomdir edit mailbox mb-pcca --set address=climate@iom.int --reason \"TICKET-44\"",
        });
        write.AddTo(command);
        command.SetAction((parse, cancellation) => CliContext.RunAsync(parse, cancellation, async context =>
        {
            var recordId = Records.Id(parse.GetValue(id)!);
            var input = new TInput();
            var mask = new FieldMask();
            mask.Paths.AddRange(FieldAssignments.Apply(input, parse.GetValue(set)!, refused));
            var current = await currentVersion(context, recordId) ?? throw Records.NotFound(kind, recordId);
            var updated = await update(context, recordId, write.Version(parse, current), input, mask, write.Context(parse));
            if (context.Output.Json)
                context.Output.Message(updated);
            else
                context.Output.Line($"Updated {kind} {recordId} ({string.Join(", ", mask.Paths)}): now version {versionOf(updated)}.");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
