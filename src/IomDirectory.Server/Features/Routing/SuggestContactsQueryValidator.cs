using FluentValidation;
using IomDirectory.Server.Features.Common;

namespace IomDirectory.Server.Features.Routing;

public sealed class SuggestContactsQueryValidator : AbstractValidator<SuggestContactsQuery>
{
    public SuggestContactsQueryValidator()
    {
        RuleFor(q => q.Query).Must(t => t.Trim().Length > 0).WithMessage("query is required (a question of 1 to 2000 characters)")
            .MaximumLength(SuggestContactsQuery.MaxQueryLength).WithMessage($"query is at most {SuggestContactsQuery.MaxQueryLength} characters")
            .OverridePropertyName("query");
        RuleFor(q => q.MaxResults).InclusiveBetween(0, SuggestContactsQuery.MaxResultsLimit)
            .WithMessage($"max_results must be between 0 (default 5) and {SuggestContactsQuery.MaxResultsLimit}")
            .OverridePropertyName("max_results");
        RuleFor(q => q.AskerCountry).MaximumLength(100).WithMessage("asker_country is at most 100 characters")
            .OverridePropertyName("asker_country");
        this.ReadContextRules();
    }
}
