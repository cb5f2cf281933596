using FluentValidation;
using IomDirectory.Server.Features.Admin.Common;

namespace IomDirectory.Server.Features.Admin.Offices;

public sealed class CreateOfficeCommandValidator : AbstractValidator<CreateOfficeCommand>
{
    public CreateOfficeCommandValidator(AdminView admin)
    {
        this.NewIdRules(c => c.Id);
        this.WriteContextRules();
        RuleFor(c => c).Custom((c, context) =>
        {
            var view = admin.At(c.Write);
            if (AdminIds.Taken(view.Snapshot, c.Id))
                context.AddFailure("id", $"id '{c.Id}' is already used (ids are never reused, even after a record is retired)");
            OfficeRules.Check(c.Office, c.Id, view, _ => true, context.AddFailure);
        });
    }
}

public sealed class UpdateOfficeCommandValidator : AbstractValidator<UpdateOfficeCommand>
{
    public UpdateOfficeCommandValidator(AdminView admin)
    {
        RuleFor(c => c.Id).NotEmpty().WithMessage("id is required").OverridePropertyName("id");
        this.ExpectedVersionRule(c => c.ExpectedVersion);
        this.WriteContextRules();
        RuleFor(c => c).Custom((c, context) =>
        {
            foreach (var path in c.Mask.Unknown(OfficeFields.Paths))
                context.AddFailure("update_mask", $"'{path}' is not a field of an office");
            OfficeRules.Check(c.Office, c.Id, admin.At(c.Write), c.Mask.Sets, context.AddFailure);
        });
    }
}

public sealed class RetireOfficeCommandValidator : AbstractValidator<RetireOfficeCommand>
{
    public RetireOfficeCommandValidator()
    {
        RuleFor(c => c.Id).NotEmpty().WithMessage("id is required").OverridePropertyName("id");
        this.ExpectedVersionRule(c => c.ExpectedVersion);
        this.WriteContextRules();
    }
}
