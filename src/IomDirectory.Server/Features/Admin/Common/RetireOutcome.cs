using IomDirectory.Server.Changes;
namespace IomDirectory.Server.Features.Admin.Common;

/// <summary>What a retirement retired and moved.</summary>
public sealed class RetireOutcome : ISequenced
{
    public long Sequence { get; set; }

    public List<string> Retired { get; } = [];
    public List<string> Moved { get; } = [];
}
