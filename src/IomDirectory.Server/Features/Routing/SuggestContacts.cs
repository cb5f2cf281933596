using IomDirectory.Server.Application;
using IomDirectory.Server.Features.Common;
using IomDirectory.Server.Features.Countries;
using IomDirectory.Server.ReadModel;
using IomDirectory.Server.Routing;
using MediatR;

namespace IomDirectory.Server.Features.Routing;

/// <summary>"Who do I contact about this?": a question in English, French or Spanish to contacts, best first.
/// <see cref="ReadContext.Language"/> is the caller's language hint ("" = detect).</summary>
public sealed record SuggestContactsQuery(string Query, string AskerCountry, int MaxResults, ReadContext Read)
    : IRequest<InView<RoutingResult>>, IReadQuery
{
    public const int MaxQueryLength = 2000;
    public const int MaxResultsLimit = 20;
}

public sealed class SuggestContactsHandler(DirectorySnapshotProvider snapshots, RoutingIndexCache indexes)
    : DirectoryReads(snapshots), IRequestHandler<SuggestContactsQuery, InView<RoutingResult>>
{
    public Task<InView<RoutingResult>> Handle(SuggestContactsQuery query, CancellationToken cancellationToken)
    {
        var view = ViewFor(query);
        var asker = query.AskerCountry.Trim().Length == 0 ? null : AskerIn(view, query);
        var request = new RouteRequest(query.Query, query.Read.Language, asker, query.MaxResults);
        return Task.FromResult(new InView<RoutingResult>(ContactRouter.Route(indexes.For(view), request), view));
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
