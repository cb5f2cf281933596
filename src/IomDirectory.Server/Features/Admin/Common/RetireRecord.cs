using IomDirectory.Server.Domain;
using IomDirectory.Server.Security;
using MediatR;
using IomDirectory.Server.Changes;

namespace IomDirectory.Server.Features.Admin.Common;

/// <summary>Retires a mailbox or a focal point (records nothing depends on) from the effective date.</summary>
public sealed record RetireRecordCommand(string Kind, string Id, long ExpectedVersion, WriteContext Write) : IRequest<RetireOutcome>, IWriteCommand
{
    public const string Mailbox = "mailbox";
    public const string FocalPoint = "focal_point";

    public string RequiredRole => Roles.Editor;
}

public sealed class RetireRecordHandler(DirectoryWriter writer) : IRequestHandler<RetireRecordCommand, RetireOutcome>
{
    public Task<RetireOutcome> Handle(RetireRecordCommand command, CancellationToken cancellationToken) =>
        writer.ExecuteAsync(command.Write, async session =>
        {
            if (command.Kind == RetireRecordCommand.Mailbox)
                await RetireAsync<MailboxRecord>(session, "Mailbox", command, cancellationToken);
            else
                await RetireAsync<FocalPointRecord>(session, "Focal point", command, cancellationToken);
            var outcome = new RetireOutcome();
            outcome.Retired.Add(command.Id);
            return outcome;
        }, cancellationToken);

    private static async Task RetireAsync<T>(WriteSession session, string entity, RetireRecordCommand command, CancellationToken ct) where T : VersionedRecord
    {
        var (versions, inForce) = await session.ExistingAsync<T>(entity, command.Id, command.ExpectedVersion, ct);
        session.Retire(command.Kind, versions, inForce);
    }
}
