using IomDirectory.Server.Application;
using IomDirectory.Server.Domain;
using IomDirectory.Server.Features.Common;
using MediatR;
using IomDirectory.Server.Snapshots;

namespace IomDirectory.Server.Features.Contacts;

public sealed record ListFocalPointsQuery(string OfficeId, string UnitId, PageRequest Page, ReadContext Read)
    : IRequest<InView<Paged<FocalPointRecord>>>, IReadQuery;

public sealed class ListFocalPointsHandler(DirectorySnapshotProvider snapshots)
    : DirectoryReads(snapshots), IRequestHandler<ListFocalPointsQuery, InView<Paged<FocalPointRecord>>>
{
    public Task<InView<Paged<FocalPointRecord>>> Handle(ListFocalPointsQuery query, CancellationToken cancellationToken)
    {
        var view = ViewFor(query);
        IEnumerable<FocalPointRecord> focalPoints = view.FocalPoints;
        if (query.OfficeId.Length > 0)
        {
            if (!view.Offices.ContainsKey(query.OfficeId))
                throw new NotFoundException("Office", query.OfficeId, query.Read.AsOf);
            focalPoints = focalPoints.Where(f => f.OfficeId == query.OfficeId);
        }
        if (query.UnitId.Length > 0)
            focalPoints = focalPoints.Where(f => f.UnitId == query.UnitId);
        return Task.FromResult(new InView<Paged<FocalPointRecord>>(query.Page.Apply(focalPoints.ToList(), 50), view));
    }
}
