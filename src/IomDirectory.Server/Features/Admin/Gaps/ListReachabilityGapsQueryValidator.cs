using FluentValidation;

namespace IomDirectory.Server.Features.Admin.Gaps;

public sealed class ListReachabilityGapsQueryValidator : AbstractValidator<ListReachabilityGapsQuery>
{
    public ListReachabilityGapsQueryValidator()
    {
        RuleFor(q => q.MaxResults).InclusiveBetween(0, ListReachabilityGapsQuery.MaxResultsLimit)
            .WithMessage($"max_results is 0 (meaning {ListReachabilityGapsQuery.DefaultResults}) to {ListReachabilityGapsQuery.MaxResultsLimit}")
            .OverridePropertyName("max_results");
    }
}
