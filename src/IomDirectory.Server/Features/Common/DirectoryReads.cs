using IomDirectory.Server.Snapshots;
namespace IomDirectory.Server.Features.Common;

/// <summary>What read handlers share: the view of the org chart a query asks for.</summary>
public abstract class DirectoryReads(DirectorySnapshotProvider snapshots)
{
    protected DirectoryView ViewFor(IReadQuery query) => snapshots.Current.At(query.Read.AsOf);
}
