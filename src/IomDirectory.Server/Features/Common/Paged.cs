namespace IomDirectory.Server.Features.Common;

public sealed record Paged<T>(IReadOnlyList<T> Items, string NextPageToken, int TotalSize);
