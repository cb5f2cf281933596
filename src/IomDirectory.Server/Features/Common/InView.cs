using IomDirectory.Server.Snapshots;
namespace IomDirectory.Server.Features.Common;

/// <summary>A read's answer with the view it was read from, which the RPC mapping needs for names and links.</summary>
public sealed record InView<T>(T Value, DirectoryView View);
