using IomDirectory.Server.Snapshots;
namespace IomDirectory.Server.Features.Common;

/// <summary>A read: as of an instant, in a preferred language.</summary>
public interface IReadQuery
{
    ReadContext Read { get; }
}
