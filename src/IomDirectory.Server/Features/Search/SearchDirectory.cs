using IomDirectory.Server.Features.Common;
using IomDirectory.Server.ReadModel;
using MediatR;

namespace IomDirectory.Server.Features.Search;

public sealed record SearchDirectoryQuery(string Text, IReadOnlyList<string> Kinds, PageRequest Page, ReadContext Read)
    : IRequest<InView<Paged<SearchIndex.Hit>>>, IReadQuery;

public sealed class SearchDirectoryHandler(DirectorySnapshotProvider snapshots)
    : DirectoryReads(snapshots), IRequestHandler<SearchDirectoryQuery, InView<Paged<SearchIndex.Hit>>>
{
    public static readonly string[] Kinds = ["office", "unit", "mailbox", "focal_point", "committee"];

    public Task<InView<Paged<SearchIndex.Hit>>> Handle(SearchDirectoryQuery query, CancellationToken cancellationToken)
    {
        var view = ViewFor(query);
        var hits = view.Search.Find(query.Text, query.Kinds.ToHashSet(StringComparer.Ordinal));
        return Task.FromResult(new InView<Paged<SearchIndex.Hit>>(query.Page.Apply(hits, 20), view));
    }
}
