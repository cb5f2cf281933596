using IomDirectory.Server.Domain;
using IomDirectory.Server.Features.Common;
using MediatR;
using IomDirectory.Server.Snapshots;

namespace IomDirectory.Server.Features.Units;

/// <summary>Units, filtered by parent (direct children), kind and office, in name order.</summary>
public sealed record ListUnitsQuery(string ParentId, UnitKind? Kind, string OfficeId, PageRequest Page, ReadContext Read)
    : IRequest<InView<Paged<UnitRecord>>>, IReadQuery;

public sealed class ListUnitsHandler(DirectorySnapshotProvider snapshots)
    : DirectoryReads(snapshots), IRequestHandler<ListUnitsQuery, InView<Paged<UnitRecord>>>
{
    public const int DefaultPageSize = 50;

    public Task<InView<Paged<UnitRecord>>> Handle(ListUnitsQuery query, CancellationToken cancellationToken)
    {
        var view = ViewFor(query);
        IEnumerable<UnitRecord> units;
        if (query.ParentId.Length > 0)
            units = view.ChildrenOf(GetUnitHandler.Find(view, query.ParentId, query.Read).Id);
        else
            units = view.Units.Values.OrderBy(u => u.Name.En, StringComparer.Ordinal).ThenBy(u => u.Id, StringComparer.Ordinal);
        if (query.Kind is { } kind)
            units = units.Where(u => u.Kind == kind);
        if (query.OfficeId.Length > 0)
            units = units.Where(u => u.OfficeId == query.OfficeId);
        return Task.FromResult(new InView<Paged<UnitRecord>>(query.Page.Apply(units.ToList(), DefaultPageSize), view));
    }
}
