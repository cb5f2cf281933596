using IomDirectory.Server.Domain;
using IomDirectory.Server.Features.Common;
using MediatR;
using IomDirectory.Server.Snapshots;

namespace IomDirectory.Server.Features.Units;

/// <summary>A unit's ancestors, from the root of the tree down to the unit itself.</summary>
public sealed record GetUnitPathQuery(string Id, ReadContext Read) : IRequest<InView<IReadOnlyList<UnitRecord>>>, IReadQuery;

public sealed class GetUnitPathHandler(DirectorySnapshotProvider snapshots)
    : DirectoryReads(snapshots), IRequestHandler<GetUnitPathQuery, InView<IReadOnlyList<UnitRecord>>>
{
    public Task<InView<IReadOnlyList<UnitRecord>>> Handle(GetUnitPathQuery query, CancellationToken cancellationToken)
    {
        var view = ViewFor(query);
        var unit = GetUnitHandler.Find(view, query.Id, query.Read);
        return Task.FromResult(new InView<IReadOnlyList<UnitRecord>>(view.PathTo(unit), view));
    }
}
