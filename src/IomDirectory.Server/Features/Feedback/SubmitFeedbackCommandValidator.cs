using FluentValidation;

namespace IomDirectory.Server.Features.Feedback;

public sealed class SubmitFeedbackCommandValidator : AbstractValidator<SubmitFeedbackCommand>
{
    public SubmitFeedbackCommandValidator()
    {
        RuleFor(c => c.Question).Must(q => !string.IsNullOrWhiteSpace(q)).WithMessage("the question is required")
            .MaximumLength(FeedbackLimits.Question).WithMessage($"at most {FeedbackLimits.Question} characters").OverridePropertyName("q");
        RuleFor(c => c.Country).MaximumLength(FeedbackLimits.Country).OverridePropertyName("country");
        RuleFor(c => c.Language).Must(l => Snapshots.ReadContext.Languages.Contains(l)).WithMessage("en, fr or es").OverridePropertyName("lang");
        RuleFor(c => c.Note).MaximumLength(FeedbackLimits.Note).WithMessage($"at most {FeedbackLimits.Note} characters").OverridePropertyName("note");
        RuleFor(c => c.AnswerShown).MaximumLength(FeedbackLimits.AnswerShown).OverridePropertyName("answer");
    }
}
