using IomDirectory.Server.Application;
using IomDirectory.Server.Domain;
using IomDirectory.Server.Features.Common;
using MediatR;
using IomDirectory.Server.Snapshots;

namespace IomDirectory.Server.Features.Units;

public sealed record GetUnitQuery(string Id, ReadContext Read) : IRequest<InView<UnitRecord>>, IReadQuery;

public sealed class GetUnitHandler(DirectorySnapshotProvider snapshots)
    : DirectoryReads(snapshots), IRequestHandler<GetUnitQuery, InView<UnitRecord>>
{
    public Task<InView<UnitRecord>> Handle(GetUnitQuery query, CancellationToken cancellationToken)
    {
        var view = ViewFor(query);
        return Task.FromResult(new InView<UnitRecord>(Find(view, query.Id, query.Read), view));
    }

    internal static UnitRecord Find(DirectoryView view, string id, ReadContext read) =>
        view.Units.GetValueOrDefault(id) ?? throw new NotFoundException("Unit", id, read.AsOf);
}
