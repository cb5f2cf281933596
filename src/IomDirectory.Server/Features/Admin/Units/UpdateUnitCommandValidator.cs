using FluentValidation;
using IomDirectory.Server.Features.Admin.Common;

namespace IomDirectory.Server.Features.Admin.Units;

public sealed class UpdateUnitCommandValidator : AbstractValidator<UpdateUnitCommand>
{
    public UpdateUnitCommandValidator(AdminView admin)
    {
        RuleFor(c => c.Id).NotEmpty().WithMessage("id is required").OverridePropertyName("id");
        this.ExpectedVersionRule(c => c.ExpectedVersion);
        this.WriteContextRules();
        RuleFor(c => c).Custom((c, context) =>
        {
            foreach (var path in c.Mask.Unknown(UnitFields.Paths))
                context.AddFailure("update_mask", $"'{path}' is not a field of a unit that can be updated" + (path.StartsWith("parent", StringComparison.Ordinal) ? " (use MoveUnit)" : ""));
            UnitRules.Check(c.Unit, c.Id, admin.At(c.Write), c.Mask.Sets, context.AddFailure);
        });
    }
}
