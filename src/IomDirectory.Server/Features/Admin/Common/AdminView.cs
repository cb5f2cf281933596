using IomDirectory.Server.Snapshots;
using IomDirectory.Server.Changes;
namespace IomDirectory.Server.Features.Admin.Common;

/// <summary>The org chart as it will stand when a write takes effect, for validators (they run under the write gate).</summary>
public sealed class AdminView(DirectorySnapshotProvider snapshots)
{
    public DirectoryView At(WriteContext write) => snapshots.Current.At(write.EffectiveFrom);
}
