namespace IomDirectory.Server.Features.Feedback;

/// <summary>
/// Every limit of the public feedback forms and the review queue, in one place: field lengths (validators, the
/// forms' <c>maxlength</c> and the database columns use these), and the defaults of the bounds that
/// <c>--Feedback:…</c> settings change.
/// </summary>
public static class FeedbackLimits
{
    public const int Field = 100;
    public const int Problem = 2000;
    public const int ProposedValue = 2000;
    public const int Source = 500;
    public const int Contact = 200;
    public const int Note = 1000;
    public const int Question = Routing.SuggestContactsQuery.MaxQueryLength;
    public const int AnswerShown = 2000;
    public const int ReviewNote = 500;
    public const int RecordId = Admin.Common.WriteRules.IdMaxLength;
    public const int Country = 100;

    /// <summary>The largest public form body read (every field at its limit fits several times); a larger one is refused with 413 unread.</summary>
    public const int PublicFormBytes = 32 * 1024;

    /// <summary>The largest console form body read (three descriptions of 10,000 characters fit, encoded).</summary>
    public const int ConsoleFormBytes = 512 * 1024;

    /// <summary>Corrections waiting for review; past it a new one is refused with "the queue is full".</summary>
    public const int DefaultMaxPending = 1000;

    /// <summary>Helpfulness answers kept (within retention); past it a new one is refused the same way.</summary>
    public const int DefaultMaxFeedback = 10_000;

    public const int DefaultRetentionDays = 180;
    public const int DefaultPerClientPerMinute = 10;
    public const int DefaultPerMinute = 120;

    /// <summary>The text columns and their lengths (the table's schema).</summary>
    public static readonly (string Property, int Length)[] Columns =
    [
        (nameof(Suggestion.Kind), 20), (nameof(Suggestion.Status), 20), (nameof(Suggestion.TokenHash), 64),
        (nameof(Suggestion.RecordKind), 20), (nameof(Suggestion.RecordId), RecordId), (nameof(Suggestion.Field), Field),
        (nameof(Suggestion.Problem), Problem), (nameof(Suggestion.ProposedValue), ProposedValue), (nameof(Suggestion.Source), Source),
        (nameof(Suggestion.Contact), Contact), (nameof(Suggestion.SubmittedBy), 300), (nameof(Suggestion.Question), Question),
        (nameof(Suggestion.Country), Country), (nameof(Suggestion.Language), 5), (nameof(Suggestion.AnswerShown), AnswerShown),
        (nameof(Suggestion.AnswerKey), 150), (nameof(Suggestion.Note), Note), (nameof(Suggestion.ReviewedBy), 300),
        (nameof(Suggestion.ReviewNote), ReviewNote),
    ];
}
