using IomDirectory.Server.Application;
using IomDirectory.Server.Domain;
using IomDirectory.Server.Features.Common;
using MediatR;
using IomDirectory.Server.Snapshots;

namespace IomDirectory.Server.Features.Offices;

public sealed record GetOfficeQuery(string Id, ReadContext Read) : IRequest<InView<OfficeRecord>>, IReadQuery;

public sealed class GetOfficeHandler(DirectorySnapshotProvider snapshots)
    : DirectoryReads(snapshots), IRequestHandler<GetOfficeQuery, InView<OfficeRecord>>
{
    public Task<InView<OfficeRecord>> Handle(GetOfficeQuery query, CancellationToken cancellationToken)
    {
        var view = ViewFor(query);
        var office = view.Offices.GetValueOrDefault(query.Id) ?? throw new NotFoundException("Office", query.Id, query.Read.AsOf);
        return Task.FromResult(new InView<OfficeRecord>(office, view));
    }
}
