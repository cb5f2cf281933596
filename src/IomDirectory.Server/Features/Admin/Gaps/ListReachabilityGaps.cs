using IomDirectory.Server.Application;
using IomDirectory.Server.Infrastructure;
using IomDirectory.Server.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;
using IomDirectory.Server.Snapshots;

namespace IomDirectory.Server.Features.Admin.Gaps;

/// <summary>
/// The gaps report: records in force today that cannot be reached (<see cref="Reachability"/>), those routing put
/// first most often recently first (decayed counts of the database plus those not yet flushed), then by kind and id.
/// What to ask the organization for first. Needs directory.reader: it shows what anonymous reads show, plus counts of
/// what people asked about.
/// </summary>
public sealed record ListReachabilityGapsQuery(int MaxResults) : IRequest<ReachabilityGaps>, IRequireRole
{
    public const int DefaultResults = 50, MaxResultsLimit = 1000;

    public string RequiredRole => Roles.Reader;
}

public sealed record RankedGap(ReachGap Gap, double RecentFirstCount);

public sealed record ReachabilityGaps(IReadOnlyList<RankedGap> Gaps, int Total);

public sealed class ListReachabilityGapsHandler(DirectorySnapshotProvider snapshots, DirectoryStore store, FirstSuggestionCounter counter)
    : IRequestHandler<ListReachabilityGapsQuery, ReachabilityGaps>
{
    public async Task<ReachabilityGaps> Handle(ListReachabilityGapsQuery query, CancellationToken cancellationToken)
    {
        var now = DateTime.UtcNow;
        var gaps = snapshots.Current.At(DateTime.UtcNow).Reach.Gaps();
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        await using (var db = store.CreateContext())
            foreach (var row in await db.FirstSuggestionCounts.AsNoTracking().ToListAsync(cancellationToken))
                weights[row.RecordKey] = row.Weight;
        foreach (var (key, weight) in counter.Pending())
            weights[key] = weights.GetValueOrDefault(key) + weight;
        var ranked = gaps.Select((gap, order) => (Gap: gap, Order: order,
                Count: Math.Round(FirstSuggestionCounter.CountAt(weights.GetValueOrDefault($"{gap.Kind}:{gap.Id}"), now), 2)))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Order)
            .Take(query.MaxResults == 0 ? ListReachabilityGapsQuery.DefaultResults : query.MaxResults)
            .Select(g => new RankedGap(g.Gap, g.Count)).ToList();
        return new ReachabilityGaps(ranked, gaps.Count);
    }
}
