using IomDirectory.Server.Seeding;
using IomDirectory.Server.Snapshots;

namespace IomDirectory.Server.Tests.Support;

/// <summary>data/ read once for the tests that build snapshots and indexes in-process (content never changes: a change makes new content).</summary>
public static class SeedContent
{
    private static readonly Lazy<DirectoryContent> Read = new(() => DirectoryContent.From(DataSetReader.Read(RepositoryPaths.Data), 1));

    public static DirectoryContent Content => Read.Value;
}
