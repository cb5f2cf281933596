using FluentValidation;
using IomDirectory.Server.Features.Common;

namespace IomDirectory.Server.Features.Units;

public sealed class GetUnitQueryValidator : AbstractValidator<GetUnitQuery>
{
    public GetUnitQueryValidator()
    {
        RuleFor(q => q.Id).RequiredId("id");
        this.ReadContextRules();
    }
}

public sealed class GetUnitPathQueryValidator : AbstractValidator<GetUnitPathQuery>
{
    public GetUnitPathQueryValidator()
    {
        RuleFor(q => q.Id).RequiredId("id");
        this.ReadContextRules();
    }
}
