using FluentValidation;
using IomDirectory.Server.Features.Common;

namespace IomDirectory.Server.Features.Contacts;

public sealed class ListMailboxesQueryValidator : AbstractValidator<ListMailboxesQuery>
{
    public ListMailboxesQueryValidator()
    {
        RuleFor(q => q.UnitId).OptionalId("unit_id");
        this.PageRules(q => q.Page, 500);
        this.ReadContextRules();
    }
}

public sealed class ListFocalPointsQueryValidator : AbstractValidator<ListFocalPointsQuery>
{
    public ListFocalPointsQueryValidator()
    {
        RuleFor(q => q.OfficeId).OptionalId("office_id");
        RuleFor(q => q.UnitId).OptionalId("unit_id");
        this.PageRules(q => q.Page, 500);
        this.ReadContextRules();
    }
}

public sealed class ListCommitteesQueryValidator : AbstractValidator<ListCommitteesQuery>
{
    public ListCommitteesQueryValidator() => this.ReadContextRules();
}
