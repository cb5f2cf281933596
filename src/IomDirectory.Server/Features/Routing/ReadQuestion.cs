using IomDirectory.Server.Features.Common;
using IomDirectory.Server.Routing;
using MediatR;
using IomDirectory.Server.Snapshots;

namespace IomDirectory.Server.Features.Routing;

/// <summary>
/// What a question says before it is answered, read as routing reads it: the country it names (places, towns and
/// nationalities included; "" when none) and the language it is written in (whatever the interface's language).
/// The web form shows that country, and lets it beat a country the form had only pre-filled from memory; the page
/// quotes the question in its own language.
/// </summary>
public sealed record ReadQuestionQuery(string Question, ReadContext Read) : IRequest<InView<QuestionReading>>, IReadQuery;

public sealed record QuestionReading(string Country, string Language);

public sealed class ReadQuestionHandler(DirectorySnapshotProvider snapshots, RoutingIndexCache indexes)
    : DirectoryReads(snapshots), IRequestHandler<ReadQuestionQuery, InView<QuestionReading>>
{
    public Task<InView<QuestionReading>> Handle(ReadQuestionQuery query, CancellationToken cancellationToken)
    {
        var view = ViewFor(query);
        if (query.Question.Trim().Length == 0 || query.Question.Length > SuggestContactsQuery.MaxQueryLength)
            return Task.FromResult(new InView<QuestionReading>(new QuestionReading("", ""), view));
        var index = indexes.For(view);
        var analysis = QueryAnalysis.Analyze(query.Question, index);
        var code = ContactRouter.CountryNamed(index, analysis) ?? "";   // the country routing itself would read
        return Task.FromResult(new InView<QuestionReading>(new QuestionReading(code, analysis.Language), view));
    }
}
