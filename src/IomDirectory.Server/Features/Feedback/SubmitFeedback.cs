using MediatR;

namespace IomDirectory.Server.Features.Feedback;

/// <summary>"Was this helpful?" on an answer: the question, the asker's country, the language and the answer shown are kept with it.</summary>
public sealed record SubmitFeedbackCommand(string Question, string Country, string Language, bool Helpful, string Note,
    string AnswerShown, string AnswerKey, bool Confident, string SubmittedBy) : IRequest<SubmittedSuggestion>;

public sealed class SubmitFeedbackHandler(SuggestionInbox inbox) : IRequestHandler<SubmitFeedbackCommand, SubmittedSuggestion>
{
    public Task<SubmittedSuggestion> Handle(SubmitFeedbackCommand c, CancellationToken cancellationToken) =>
        inbox.AddAsync(new Suggestion
        {
            Kind = Suggestion.Helpfulness, Status = Suggestion.Received, Question = c.Question.Trim(), Country = c.Country,
            Language = c.Language, Helpful = c.Helpful, Note = c.Note.Trim(), AnswerShown = c.AnswerShown, AnswerKey = c.AnswerKey,
            Confident = c.Confident, SubmittedBy = c.SubmittedBy,
        }, cancellationToken);
}
