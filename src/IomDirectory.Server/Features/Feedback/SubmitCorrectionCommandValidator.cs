using FluentValidation;
using IomDirectory.Server.Snapshots;
namespace IomDirectory.Server.Features.Feedback;

public sealed class SubmitCorrectionCommandValidator : AbstractValidator<SubmitCorrectionCommand>
{
    public SubmitCorrectionCommandValidator(DirectorySnapshotProvider snapshots)
    {
        RuleFor(c => c.RecordKind).Must(k => SuggestionRecords.Kinds.Contains(k)).WithMessage("not a kind of record").OverridePropertyName("kind");
        RuleFor(c => c.RecordId).NotEmpty().MaximumLength(FeedbackLimits.RecordId)
            .Must((c, id) => SuggestionRecords.Exists(snapshots.Current, c.RecordKind, id)).WithMessage("no such record").OverridePropertyName("id");
        RuleFor(c => c.Field).MaximumLength(FeedbackLimits.Field).OverridePropertyName("field");
        RuleFor(c => c.Problem).Must(p => !string.IsNullOrWhiteSpace(p)).WithMessage("say what is wrong")
            .MaximumLength(FeedbackLimits.Problem).WithMessage($"at most {FeedbackLimits.Problem} characters").OverridePropertyName("problem");
        RuleFor(c => c.ProposedValue).MaximumLength(FeedbackLimits.ProposedValue).WithMessage($"at most {FeedbackLimits.ProposedValue} characters").OverridePropertyName("proposed");
        RuleFor(c => c.Source).MaximumLength(FeedbackLimits.Source).WithMessage($"at most {FeedbackLimits.Source} characters").OverridePropertyName("source");
        RuleFor(c => c.Contact).MaximumLength(FeedbackLimits.Contact).WithMessage($"at most {FeedbackLimits.Contact} characters").OverridePropertyName("contact");
    }
}

/// <summary>The records a correction can be about: the history routes' kinds.</summary>
public static class SuggestionRecords
{
    public static readonly IReadOnlyList<string> Kinds = History.GetRecordHistoryQuery.Kinds;

    /// <summary>Whether the record has ever existed (a retired one can still be wrong in its history).</summary>
    public static bool Exists(DirectorySnapshot snapshot, string kind, string id) => kind switch
    {
        History.GetRecordHistoryQuery.Units => snapshot.Units.History(id).Any(),
        History.GetRecordHistoryQuery.Offices => snapshot.Offices.History(id).Any(),
        History.GetRecordHistoryQuery.Mailboxes => snapshot.Mailboxes.History(id).Any(),
        History.GetRecordHistoryQuery.FocalPoints => snapshot.FocalPoints.History(id).Any(),
        _ => false,
    };
}
