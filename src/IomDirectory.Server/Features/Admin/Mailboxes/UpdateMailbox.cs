using IomDirectory.Server.Domain;
using IomDirectory.Server.Features.Admin.Common;
using IomDirectory.Server.Security;
using MediatR;
using IomDirectory.Server.Changes;

namespace IomDirectory.Server.Features.Admin.Mailboxes;

/// <summary>Changes a mailbox's address, owner (reassignment) or purpose from the effective date.</summary>
public sealed record UpdateMailboxCommand(string Id, long ExpectedVersion, MailboxFields Mailbox, FieldMask Mask, WriteContext Write)
    : IRequest<MailboxRecord>, IWriteCommand
{
    public string RequiredRole => Roles.Editor;
}

public sealed class UpdateMailboxHandler(DirectoryWriter writer) : IRequestHandler<UpdateMailboxCommand, MailboxRecord>
{
    public Task<MailboxRecord> Handle(UpdateMailboxCommand command, CancellationToken cancellationToken) =>
        writer.ExecuteAsync(command.Write, async session =>
        {
            var (versions, inForce) = await session.ExistingAsync<MailboxRecord>("Mailbox", command.Id, command.ExpectedVersion, cancellationToken);
            var (mask, given) = (command.Mask, command.Mailbox);
            var operation = MailboxFields.SetsOwner(mask) && given.Owner != inForce.OwnerId ? "mailbox.reassign" : "mailbox.update";
            return session.Change(operation, "mailbox", versions, inForce, m =>
            {
                if (mask.Sets("address")) m.Address = given.Address.Trim();
                if (MailboxFields.SetsOwner(mask)) m.OwnerId = given.Owner;
                m.Purpose = mask.Apply("purpose", m.Purpose, given.Purpose);
            });
        }, cancellationToken);
}
