using System.CommandLine;
using Google.Protobuf;
using IomDirectory.Contracts.V1;

namespace IomDirectory.Cli.Commands;

/// <summary>
/// iomdir create unit|office|mailbox|focal-point ID --set field=value … --reason TEXT: a new record, its fields named
/// as <c>edit</c> names them (<see cref="FieldAssignments"/>).
/// </summary>
public static class CreateCommand
{
    public static Command Create()
    {
        var command = new Command("create", "Creates a unit, office, mailbox or focal point.");
        command.WithExamples("iomdir create mailbox mb-ro-dakar --set owner_office_id=ro-dakar --set address=rodakar@iom.int --reason \"TICKET-51\"");
        command.Subcommands.Add(Kind<UnitInput, Unit>("unit", UnitInput.Descriptor,
            "iomdir create unit dhrr-surge --set kind=unit --set name.en=\"Surge Unit\" --set parent_unit_id=pcca --reason \"TICKET-50\"",
            (context, id, input, write) => context.CallAsync(context.Admin.CreateUnitAsync, new CreateUnitRequest { Id = id, Unit = input, Write = write }),
            u => u.Version));
        command.Subcommands.Add(Kind<OfficeInput, Office>("office", OfficeInput.Descriptor,
            "iomdir create office co-lisbon --set type=country_office --set name.en=\"Country Office in Lisbon\" --set country_code=PT --reason \"TICKET-52\"",
            (context, id, input, write) => context.CallAsync(context.Admin.CreateOfficeAsync, new CreateOfficeRequest { Id = id, Office = input, Write = write }),
            o => o.Version));
        command.Subcommands.Add(Kind<MailboxInput, Mailbox>("mailbox", MailboxInput.Descriptor,
            "iomdir create mailbox mb-ro-dakar --set owner_office_id=ro-dakar --set address=rodakar@iom.int --reason \"TICKET-51\"",
            (context, id, input, write) => context.CallAsync(context.Admin.CreateMailboxAsync, new CreateMailboxRequest { Id = id, Mailbox = input, Write = write }),
            m => m.Version));
        command.Subcommands.Add(Kind<FocalPointInput, FocalPoint>("focal-point", FocalPointInput.Descriptor,
            "iomdir create focal-point fp-cbi-dakar --set role_title.en=\"CBI focal point\" --set office_id=ro-dakar --set unit_id=cbi-unit --reason \"TICKET-53\"",
            (context, id, input, write) => context.CallAsync(context.Admin.CreateFocalPointAsync, new CreateFocalPointRequest { Id = id, FocalPoint = input, Write = write }),
            f => f.Version));
        return command;
    }

    private delegate Task<TRecord> Creation<TInput, TRecord>(CliContext context, string id, TInput input, Contracts.V1.WriteContext write);

    private static Command Kind<TInput, TRecord>(string kind, Google.Protobuf.Reflection.MessageDescriptor inputType, string example,
        Creation<TInput, TRecord> create, Func<TRecord, long> versionOf)
        where TInput : IMessage, new()
        where TRecord : IMessage
    {
        var id = new Argument<string>("id") { Description = $"Id of the new {kind}: lower-case kebab-case, unique across all kinds, never reused" };
        var set = new Option<string[]>("--set")
        {
            Description = "field=value, repeatable. Fields: " + string.Join(", ", FieldAssignments.Known(inputType)),
            HelpName = "FIELD=VALUE",
            Required = true,
        };
        var write = new WriteOptions();
        var command = new Command(kind, $"Creates {(kind == "office" ? "an" : "a")} {kind.Replace('-', ' ')}.") { id, set };
        command.WithExamples(example);
        command.Options.Add(write.Reason);
        command.Options.Add(write.Effective);
        command.SetAction((parse, cancellation) => CliContext.RunAsync(parse, cancellation, async context =>
        {
            var recordId = Records.Id(parse.GetValue(id)!);
            var input = new TInput();
            FieldAssignments.Apply(input, parse.GetValue(set)!, new Dictionary<string, string>());
            var created = await create(context, recordId, input, write.Context(parse));
            if (context.Output.Json)
                context.Output.Message(created);
            else
                context.Output.Line($"Created {kind.Replace('-', ' ')} {recordId} (version {versionOf(created)}).");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
