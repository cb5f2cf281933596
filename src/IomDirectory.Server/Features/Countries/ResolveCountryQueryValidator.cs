using FluentValidation;
using IomDirectory.Server.Features.Common;

namespace IomDirectory.Server.Features.Countries;

public sealed class ResolveCountryQueryValidator : AbstractValidator<ResolveCountryQuery>
{
    public ResolveCountryQueryValidator()
    {
        RuleFor(q => q.Country).NotEmpty().WithMessage("country is required: an ISO 3166-1 alpha-2 code or a country name")
            .MaximumLength(100).WithMessage("country is at most 100 characters").OverridePropertyName("country");
        this.ReadContextRules();
    }
}
