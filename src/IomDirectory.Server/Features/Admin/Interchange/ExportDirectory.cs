using IomDirectory.Server.Application;
using IomDirectory.Server.Security;
using MediatR;
using IomDirectory.Server.Snapshots;

namespace IomDirectory.Server.Features.Admin.Interchange;

/// <summary>The directory as of an instant (default now) as one interchange document (UTF-8 JSON, see data/README.md).</summary>
public sealed record ExportDirectoryQuery(DateTime? AsOf) : IRequest<byte[]>, IRequireRole
{
    public string RequiredRole => Roles.Reader;
}

public sealed class ExportDirectoryHandler(DirectorySnapshotProvider snapshots) : IRequestHandler<ExportDirectoryQuery, byte[]>
{
    public Task<byte[]> Handle(ExportDirectoryQuery query, CancellationToken cancellationToken) =>
        Task.FromResult(InterchangeWriter.Write(snapshots.Current, query.AsOf ?? DateTime.UtcNow, query.AsOf is not null));
}
