using FluentValidation;
using IomDirectory.Server.Features.Admin.Common;

namespace IomDirectory.Server.Features.Admin.Mailboxes;

public sealed class CreateMailboxCommandValidator : AbstractValidator<CreateMailboxCommand>
{
    public CreateMailboxCommandValidator(AdminView admin)
    {
        this.NewIdRules(c => c.Id);
        this.WriteContextRules();
        RuleFor(c => c).Custom((c, context) =>
        {
            var view = admin.At(c.Write);
            if (AdminIds.Taken(view.Snapshot, c.Id))
                context.AddFailure("id", $"id '{c.Id}' is already used (ids are never reused, even after a record is retired)");
            MailboxRules.Check(c.Mailbox, c.Id, view, _ => true, context.AddFailure);
        });
    }
}

public sealed class UpdateMailboxCommandValidator : AbstractValidator<UpdateMailboxCommand>
{
    public UpdateMailboxCommandValidator(AdminView admin)
    {
        RuleFor(c => c.Id).NotEmpty().WithMessage("id is required").OverridePropertyName("id");
        this.ExpectedVersionRule(c => c.ExpectedVersion);
        this.WriteContextRules();
        RuleFor(c => c).Custom((c, context) =>
        {
            foreach (var path in c.Mask.Unknown(MailboxFields.Paths))
                context.AddFailure("update_mask", $"'{path}' is not a field of a mailbox");
            MailboxRules.Check(c.Mailbox, c.Id, admin.At(c.Write), c.Mask.Sets, context.AddFailure);
        });
    }
}
