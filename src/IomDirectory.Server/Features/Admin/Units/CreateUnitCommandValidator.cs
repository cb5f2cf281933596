using FluentValidation;
using IomDirectory.Server.Features.Admin.Common;

namespace IomDirectory.Server.Features.Admin.Units;

public sealed class CreateUnitCommandValidator : AbstractValidator<CreateUnitCommand>
{
    public CreateUnitCommandValidator(AdminView admin)
    {
        this.NewIdRules(c => c.Id);
        this.WriteContextRules();
        RuleFor(c => c).Custom((c, context) =>
        {
            var view = admin.At(c.Write);
            if (AdminIds.Taken(view.Snapshot, c.Id))
                context.AddFailure("id", $"id '{c.Id}' is already used (ids are never reused, even after a record is retired)");
            if (c.Unit.ParentId.Length > 0 && !view.Units.ContainsKey(c.Unit.ParentId))
                context.AddFailure("unit.parent_unit_id", $"parent unit '{c.Unit.ParentId}' does not exist at the effective date");
            UnitRules.Check(c.Unit, c.Id, view, _ => true, context.AddFailure);
        });
    }
}
