using FluentValidation;
using IomDirectory.Server.Features.Admin.Common;

namespace IomDirectory.Server.Features.Admin.Units;

public sealed class RetireUnitCommandValidator : AbstractValidator<RetireUnitCommand>
{
    public RetireUnitCommandValidator(AdminView admin)
    {
        RuleFor(c => c.Id).NotEmpty().WithMessage("id is required").OverridePropertyName("id");
        this.ExpectedVersionRule(c => c.ExpectedVersion);
        this.WriteContextRules();
        RuleFor(c => c).Custom((c, context) =>
        {
            var view = admin.At(c.Write);
            var o = c.Options;
            if (o.MoveChildrenTo.Length > 0 && o.RetireChildren)
                context.AddFailure("move_children_to", "choose move_children_to or retire_children, not both");
            if (o.MoveMailboxesTo.Length > 0 && o.RetireMailboxes)
                context.AddFailure("move_mailboxes_to", "choose move_mailboxes_to or retire_mailboxes, not both");
            foreach (var (field, target) in new[] { ("move_children_to", o.MoveChildrenTo), ("move_mailboxes_to", o.MoveMailboxesTo) })
            {
                if (target.Length == 0) continue;
                if (target == c.Id)
                    context.AddFailure(field, "cannot move things to the unit being retired");
                else if (!view.Units.TryGetValue(target, out var unit))
                    context.AddFailure(field, $"unit '{target}' does not exist at the effective date");
                else if (view.PathTo(unit).Any(u => u.Id == c.Id))
                    context.AddFailure(field, $"'{target}' is inside the unit being retired");
            }
        });
    }
}
