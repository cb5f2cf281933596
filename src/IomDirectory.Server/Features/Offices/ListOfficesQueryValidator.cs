using FluentValidation;
using IomDirectory.Server.Features.Common;

namespace IomDirectory.Server.Features.Offices;

public sealed class ListOfficesQueryValidator : AbstractValidator<ListOfficesQuery>
{
    public ListOfficesQueryValidator()
    {
        RuleFor(q => q.Type).Must(t => t is null || Enum.IsDefined(t.Value)).WithMessage("type is not a known office type").OverridePropertyName("type");
        this.PageRules(q => q.Page, 500);
        this.ReadContextRules();
        RuleFor(q => q.Country).MaximumLength(100).OverridePropertyName("country");
        RuleFor(q => q.Region).OptionalId("region");
    }
}
