using IomDirectory.Server.Domain;
using IomDirectory.Server.Security;
using MediatR;
using IomDirectory.Server.Changes;

namespace IomDirectory.Server.Features.Admin.Mailboxes;

public sealed record CreateMailboxCommand(string Id, MailboxFields Mailbox, WriteContext Write) : IRequest<MailboxRecord>, IWriteCommand
{
    public string RequiredRole => Roles.Editor;
}

public sealed class CreateMailboxHandler(DirectoryWriter writer) : IRequestHandler<CreateMailboxCommand, MailboxRecord>
{
    public Task<MailboxRecord> Handle(CreateMailboxCommand command, CancellationToken cancellationToken) =>
        writer.ExecuteAsync(command.Write, session =>
        {
            var mailbox = new MailboxRecord
            {
                Id = command.Id,
                Address = command.Mailbox.Address.Trim(),
                OwnerId = command.Mailbox.Owner,
                Purpose = command.Mailbox.Purpose,
            };
            session.Create("mailbox", mailbox);
            return Task.FromResult(mailbox);
        }, cancellationToken);
}
