using FluentValidation;
using IomDirectory.Server.Features.Common;

namespace IomDirectory.Server.Features.Offices;

public sealed class GetOfficeQueryValidator : AbstractValidator<GetOfficeQuery>
{
    public GetOfficeQueryValidator()
    {
        RuleFor(q => q.Id).RequiredId("id");
        this.ReadContextRules();
    }
}
