using IomDirectory.Server.Application;
using IomDirectory.Server.Infrastructure;
using IomDirectory.Server.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IomDirectory.Server.Features.Feedback;

/// <summary>
/// The curators' report: "not helpful" answers and answers routing was not confident of, each grouped by the contact
/// the answer put first (the category routing chose), biggest group first, with the latest questions of each group.
/// </summary>
public sealed record FeedbackReportQuery : IRequest<FeedbackReport>, IRequireRole
{
    public const int Groups = 50;
    public const int QuestionsPerGroup = 5;
    public string RequiredRole => Roles.Editor;
}

public sealed record FeedbackReport(IReadOnlyList<FeedbackGroup> Unhelpful, IReadOnlyList<FeedbackGroup> NotConfident, int Helpful);

/// <summary>A contact put first ("unit:dhrr"; "" when the answer had none), how many answers, the latest questions and notes.</summary>
public sealed record FeedbackGroup(string AnswerKey, string AnswerShown, int Count, IReadOnlyList<Suggestion> Latest);

public sealed class FeedbackReportHandler(DirectoryStore store) : IRequestHandler<FeedbackReportQuery, FeedbackReport>
{
    public async Task<FeedbackReport> Handle(FeedbackReportQuery query, CancellationToken cancellationToken)
    {
        await using var db = store.CreateContext();
        var feedback = db.Suggestions.AsNoTracking().Where(s => s.Kind == Suggestion.Helpfulness);
        var unhelpful = await GroupAsync(feedback.Where(s => s.Helpful == false), cancellationToken);
        var unsure = await GroupAsync(feedback.Where(s => s.Confident == false), cancellationToken);
        return new FeedbackReport(unhelpful, unsure, await feedback.CountAsync(s => s.Helpful == true, cancellationToken));
    }

    private static async Task<IReadOnlyList<FeedbackGroup>> GroupAsync(IQueryable<Suggestion> rows, CancellationToken cancellationToken)
    {
        var counts = await rows.GroupBy(s => s.AnswerKey).Select(g => new { Key = g.Key, Count = g.Count() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.Key).Take(FeedbackReportQuery.Groups).ToListAsync(cancellationToken);
        var groups = new List<FeedbackGroup>(counts.Count);
        foreach (var g in counts)
        {
            var latest = await rows.Where(s => s.AnswerKey == g.Key).OrderByDescending(s => s.Id)
                .Take(FeedbackReportQuery.QuestionsPerGroup).ToListAsync(cancellationToken);
            groups.Add(new FeedbackGroup(g.Key, latest.FirstOrDefault()?.AnswerShown ?? "", g.Count, latest));
        }
        return groups;
    }
}
