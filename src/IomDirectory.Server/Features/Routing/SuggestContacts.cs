using IomDirectory.Server.Application;
using IomDirectory.Server.Features.Common;
using IomDirectory.Server.Features.Countries;
using IomDirectory.Server.Routing;
using MediatR;
using IomDirectory.Server.Snapshots;

namespace IomDirectory.Server.Features.Routing;

/// <summary>"Who do I contact about this?": a question in English, French or Spanish to contacts, best first.
/// <see cref="ReadContext.Language"/> is the caller's language hint ("" = detect).</summary>
public sealed record SuggestContactsQuery(string Query, string AskerCountry, int MaxResults, ReadContext Read)
    : IRequest<InView<RoutingResult>>, IReadQuery
{
    public const int MaxQueryLength = 2000;
    public const int MaxResultsLimit = 20;
}

/// <remarks>Answers are remembered per view and question (see <see cref="ResponseCache"/>).
/// Each answer on today's org chart counts its first suggestion for the gaps report (in memory; flushed in batches).</remarks>
public sealed class SuggestContactsHandler(DirectorySnapshotProvider snapshots, RoutingIndexCache indexes, ResponseCache answers,
    Admin.Gaps.FirstSuggestionCounter firsts)
    : DirectoryReads(snapshots), IRequestHandler<SuggestContactsQuery, InView<RoutingResult>>
{
    public Task<InView<RoutingResult>> Handle(SuggestContactsQuery query, CancellationToken cancellationToken)
    {
        var view = ViewFor(query);
        var result = answers.GetOrAdd(view, Key(query, nameof(RoutingResult)), static a => Route(a.indexes.For(a.view), a.query), (indexes, view, query));
        if (result.Suggestions.Count > 0 && view.Snapshot.IsToday(view)) firsts.Record(result.Suggestions[0].RecordKey);
        return Task.FromResult(new InView<RoutingResult>(result, view));
    }

    /// <summary>What an answer to <paramref name="query"/> depends on, besides its view; <paramref name="kind"/> says what of it is kept.</summary>
    public static ResponseKey Key(SuggestContactsQuery query, string kind) =>
        new(kind, query.Query, query.AskerCountry, query.Read.Language, query.MaxResults);

    private static RoutingResult Route(RoutingIndex index, SuggestContactsQuery query)
    {
        var asker = query.AskerCountry.Trim().Length == 0 ? null : AskerIn(index.View, query);
        return ContactRouter.Route(index, new RouteRequest(query.Query, query.Read.Language, asker, query.MaxResults));
    }

    /// <summary>An unknown country is an invalid asker_country; a known one no office covered on that date is no asker.</summary>
    private static Asker? AskerIn(DirectoryView view, SuggestContactsQuery query)
    {
        try
        {
            var resolution = ResolveCountryHandler.Resolve(view, query.AskerCountry, "asker_country", query.Read);
            return new Asker(resolution.Country, resolution.RegionalOffice);
        }
        catch (NotFoundException)
        {
            return null;
        }
    }
}
