using FluentValidation;

namespace IomDirectory.Server.Features.Admin.Common;

public sealed class RetireRecordCommandValidator : AbstractValidator<RetireRecordCommand>
{
    public RetireRecordCommandValidator()
    {
        RuleFor(c => c.Id).NotEmpty().WithMessage("id is required").OverridePropertyName("id");
        this.ExpectedVersionRule(c => c.ExpectedVersion);
        this.WriteContextRules();
    }
}
