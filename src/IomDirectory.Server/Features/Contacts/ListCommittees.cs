using IomDirectory.Server.Domain;
using IomDirectory.Server.Features.Common;
using MediatR;
using IomDirectory.Server.Snapshots;

namespace IomDirectory.Server.Features.Contacts;

public sealed record ListCommitteesQuery(ReadContext Read) : IRequest<InView<IReadOnlyList<CommitteeRecord>>>, IReadQuery;

public sealed class ListCommitteesHandler(DirectorySnapshotProvider snapshots)
    : DirectoryReads(snapshots), IRequestHandler<ListCommitteesQuery, InView<IReadOnlyList<CommitteeRecord>>>
{
    public Task<InView<IReadOnlyList<CommitteeRecord>>> Handle(ListCommitteesQuery query, CancellationToken cancellationToken)
    {
        var view = ViewFor(query);
        return Task.FromResult(new InView<IReadOnlyList<CommitteeRecord>>(view.Committees, view));
    }
}
