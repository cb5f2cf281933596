using FluentValidation;
using IomDirectory.Server.Features.Common;

namespace IomDirectory.Server.Features.Units;

public sealed class ListUnitsQueryValidator : AbstractValidator<ListUnitsQuery>
{
    public ListUnitsQueryValidator()
    {
        RuleFor(q => q.Kind).Must(k => k is null || Enum.IsDefined(k.Value)).WithMessage("kind is not a known unit kind").OverridePropertyName("kind");
        RuleFor(q => q.ParentId).OptionalId("parent_id");
        RuleFor(q => q.OfficeId).OptionalId("office_id");
        this.PageRules(q => q.Page, 500);
        this.ReadContextRules();
    }
}
