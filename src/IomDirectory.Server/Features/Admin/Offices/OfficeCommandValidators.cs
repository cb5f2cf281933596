using FluentValidation;
using IomDirectory.Server.Features.Admin.Common;

namespace IomDirectory.Server.Features.Admin.Offices;

public sealed class CreateOfficeCommandValidator(AdminView admin) : CreateRecordValidator<CreateOfficeCommand>(admin, c => c.Id,
    (c, view, mask, fail) => OfficeRules.Check(c.Office, c.Id, view, mask, fail));

public sealed class UpdateOfficeCommandValidator(AdminView admin) : UpdateRecordValidator<UpdateOfficeCommand>(admin, "an office",
    c => c.Id, c => c.ExpectedVersion, c => c.Mask, OfficeFields.Paths,
    (c, view, mask, fail) => OfficeRules.Check(c.Office, c.Id, view, mask, fail));

public sealed class RetireOfficeCommandValidator : AbstractValidator<RetireOfficeCommand>
{
    public RetireOfficeCommandValidator()
    {
        RuleFor(c => c.Id).NotEmpty().WithMessage("id is required").OverridePropertyName("id");
        this.ExpectedVersionRule(c => c.ExpectedVersion);
        this.WriteContextRules();
    }
}
