using FluentValidation;
using IomDirectory.Server.Features.Common;

namespace IomDirectory.Server.Features.Admin.Audit;

public sealed class ListAuditEventsQueryValidator : AbstractValidator<ListAuditEventsQuery>
{
    public ListAuditEventsQueryValidator()
    {
        this.PageRules(q => q.Page, 500);
        RuleFor(q => q).Must(q => q.Since is null || q.Until is null || q.Since < q.Until)
            .WithMessage("since must be before until").OverridePropertyName("until");
    }
}
