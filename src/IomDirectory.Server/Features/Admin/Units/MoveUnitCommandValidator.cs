using FluentValidation;
using IomDirectory.Server.Features.Admin.Common;

namespace IomDirectory.Server.Features.Admin.Units;

public sealed class MoveUnitCommandValidator : AbstractValidator<MoveUnitCommand>
{
    public MoveUnitCommandValidator(AdminView admin)
    {
        RuleFor(c => c.Id).NotEmpty().WithMessage("id is required").OverridePropertyName("id");
        this.ExpectedVersionRule(c => c.ExpectedVersion);
        this.WriteContextRules();
        RuleFor(c => c).Custom((c, context) =>
        {
            if (c.NewParentId.Length == 0) return;   // becoming a root is allowed
            var view = admin.At(c.Write);
            if (!view.Units.TryGetValue(c.NewParentId, out var parent))
            {
                context.AddFailure("new_parent_unit_id", $"unit '{c.NewParentId}' does not exist at the effective date");
                return;
            }
            if (view.PathTo(parent).Any(u => u.Id == c.Id))
                context.AddFailure("new_parent_unit_id", c.NewParentId == c.Id
                    ? "a unit cannot be its own parent"
                    : $"'{c.NewParentId}' is inside '{c.Id}': moving a unit under its own descendant would make a cycle");
        });
    }
}
