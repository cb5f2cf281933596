using FluentValidation;

namespace IomDirectory.Server.Features.Feedback;

public sealed class RejectSuggestionCommandValidator : AbstractValidator<RejectSuggestionCommand>
{
    public RejectSuggestionCommandValidator() =>
        RuleFor(c => c.Reason).Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("a reason is required: the suggester reads it")
            .MaximumLength(FeedbackLimits.ReviewNote).WithMessage($"at most {FeedbackLimits.ReviewNote} characters").OverridePropertyName("reason");
}
