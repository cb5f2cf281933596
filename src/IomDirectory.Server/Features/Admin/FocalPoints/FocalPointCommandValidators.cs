using FluentValidation;
using IomDirectory.Server.Features.Admin.Common;

namespace IomDirectory.Server.Features.Admin.FocalPoints;

public sealed class CreateFocalPointCommandValidator : AbstractValidator<CreateFocalPointCommand>
{
    public CreateFocalPointCommandValidator(AdminView admin)
    {
        this.NewIdRules(c => c.Id);
        this.WriteContextRules();
        RuleFor(c => c).Custom((c, context) =>
        {
            var view = admin.At(c.Write);
            if (AdminIds.Taken(view.Snapshot, c.Id))
                context.AddFailure("id", $"id '{c.Id}' is already used (ids are never reused, even after a record is retired)");
            FocalPointRules.Check(c.FocalPoint, view, _ => true, context.AddFailure);
        });
    }
}

public sealed class UpdateFocalPointCommandValidator : AbstractValidator<UpdateFocalPointCommand>
{
    public UpdateFocalPointCommandValidator(AdminView admin)
    {
        RuleFor(c => c.Id).NotEmpty().WithMessage("id is required").OverridePropertyName("id");
        this.ExpectedVersionRule(c => c.ExpectedVersion);
        this.WriteContextRules();
        RuleFor(c => c).Custom((c, context) =>
        {
            foreach (var path in c.Mask.Unknown(FocalPointFields.Paths))
                context.AddFailure("update_mask", $"'{path}' is not a field of a focal point");
            FocalPointRules.Check(c.FocalPoint, admin.At(c.Write), c.Mask.Sets, context.AddFailure);
        });
    }
}
