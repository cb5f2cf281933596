using FluentValidation;
using IomDirectory.Server.Features.Common;

namespace IomDirectory.Server.Features.Units;

public sealed class GetSubtreeQueryValidator : AbstractValidator<GetSubtreeQuery>
{
    public GetSubtreeQueryValidator()
    {
        RuleFor(q => q.Id).OptionalId("id");
        RuleFor(q => q.MaxDepth).GreaterThanOrEqualTo(0).WithMessage("max_depth must be 0 (unlimited) or more").OverridePropertyName("max_depth");
        this.ReadContextRules();
    }
}
