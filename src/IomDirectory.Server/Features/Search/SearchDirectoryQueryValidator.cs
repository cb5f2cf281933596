using FluentValidation;
using IomDirectory.Server.Features.Common;

namespace IomDirectory.Server.Features.Search;

public sealed class SearchDirectoryQueryValidator : AbstractValidator<SearchDirectoryQuery>
{
    public SearchDirectoryQueryValidator()
    {
        RuleFor(q => q.Text).Must(t => t.Trim().Length > 0).WithMessage("query is required")
            .MaximumLength(500).WithMessage("query is at most 500 characters").OverridePropertyName("query");
        this.MaxItems(q => q.Kinds, "kinds", ListRules.MaxKinds);
        RuleForEach(q => q.Kinds).Must(k => SearchDirectoryHandler.Kinds.Contains(k))
            .WithMessage((_, k) => $"kinds: '{k}' is not one of {string.Join(", ", SearchDirectoryHandler.Kinds)}")
            .OverridePropertyName("kinds")
            .When(q => ListRules.Within(q.Kinds, ListRules.MaxKinds));
        this.PageRules(q => q.Page, 100);
        this.ReadContextRules();
    }
}
