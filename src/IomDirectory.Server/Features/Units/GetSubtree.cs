using IomDirectory.Server.Domain;
using IomDirectory.Server.Features.Common;
using MediatR;
using IomDirectory.Server.Snapshots;

namespace IomDirectory.Server.Features.Units;

public sealed record SubtreeEntry(UnitRecord Unit, int Depth);

/// <summary>A unit and everything below it (or the whole tree), depth-first, parents before children.</summary>
/// <remarks>
/// Writes keep the tree acyclic in every period, but a walk does not rely on it: each unit is visited once, the walk
/// never yields more nodes than the view has units, and it stops when the call is cancelled.
/// </remarks>
public sealed record GetSubtreeQuery(string Id, int MaxDepth, ReadContext Read)
    : IRequest<InView<IReadOnlyList<SubtreeEntry>>>, IReadQuery;

public sealed class GetSubtreeHandler(DirectorySnapshotProvider snapshots)
    : DirectoryReads(snapshots), IRequestHandler<GetSubtreeQuery, InView<IReadOnlyList<SubtreeEntry>>>
{
    public Task<InView<IReadOnlyList<SubtreeEntry>>> Handle(GetSubtreeQuery query, CancellationToken cancellationToken)
    {
        var view = ViewFor(query);
        var starts = query.Id.Length > 0 ? [GetUnitHandler.Find(view, query.Id, query.Read)] : view.Roots;
        var result = new List<SubtreeEntry>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<SubtreeEntry>(starts.Reverse().Select(u => new SubtreeEntry(u, 0)));
        while (stack.Count > 0 && result.Count < view.Units.Count)
        {
            var entry = stack.Pop();
            if (!visited.Add(entry.Unit.Id)) continue;
            if ((result.Count & 1023) == 1023) cancellationToken.ThrowIfCancellationRequested();
            result.Add(entry);
            if (query.MaxDepth > 0 && entry.Depth >= query.MaxDepth) continue;
            var children = view.ChildrenOf(entry.Unit.Id);
            for (var i = children.Count - 1; i >= 0; i--)
                stack.Push(new SubtreeEntry(children[i], entry.Depth + 1));
        }
        return Task.FromResult(new InView<IReadOnlyList<SubtreeEntry>>(result, view));
    }
}
