using IomDirectory.Server.Application;
using IomDirectory.Server.Domain;
using IomDirectory.Server.Features.Common;
using IomDirectory.Server.ReadModel;
using MediatR;

namespace IomDirectory.Server.Features.History;

/// <summary>Every version of a unit or an office, oldest first, each with its validity and source document.</summary>
public sealed record GetRecordHistoryQuery(string Kind, string Id, ReadContext Read)
    : IRequest<InView<IReadOnlyList<VersionedRecord>>>, IReadQuery
{
    public static readonly string[] Kinds = ["unit", "office"];
}

public sealed class GetRecordHistoryHandler(DirectorySnapshotProvider snapshots)
    : DirectoryReads(snapshots), IRequestHandler<GetRecordHistoryQuery, InView<IReadOnlyList<VersionedRecord>>>
{
    public Task<InView<IReadOnlyList<VersionedRecord>>> Handle(GetRecordHistoryQuery query, CancellationToken cancellationToken)
    {
        var view = ViewFor(query);
        IEnumerable<VersionedRecord> versions = query.Kind == "unit"
            ? view.Snapshot.Units.History(query.Id)
            : view.Snapshot.Offices.History(query.Id);
        var ordered = versions.OrderBy(v => v.ValidFrom ?? DateTime.MinValue).ToList();
        if (ordered.Count == 0)
            throw new NotFoundException(query.Kind == "unit" ? "Unit" : "Office", query.Id, query.Read.AsOf);
        return Task.FromResult(new InView<IReadOnlyList<VersionedRecord>>(ordered, view));
    }
}
