using IomDirectory.Server.Features.Admin.Common;

namespace IomDirectory.Server.Features.Admin.Mailboxes;

public sealed class CreateMailboxCommandValidator(AdminView admin) : CreateRecordValidator<CreateMailboxCommand>(admin, c => c.Id,
    (c, view, mask, fail) => MailboxRules.Check(c.Mailbox, c.Id, view, mask, fail));

public sealed class UpdateMailboxCommandValidator(AdminView admin) : UpdateRecordValidator<UpdateMailboxCommand>(admin, "a mailbox",
    c => c.Id, c => c.ExpectedVersion, c => c.Mask, MailboxFields.Paths,
    (c, view, mask, fail) => MailboxRules.Check(c.Mailbox, c.Id, view, mask, fail));
