using IomDirectory.Contracts.V1;
using Grpc.Core;

namespace IomDirectory.Testing.Reliability;

/// <summary>Valid calls against the repository's real data/ that the reliability runs mix and check with.</summary>
public static class DirectoryCalls
{
    public static Task GetUnit(DirectoryService.DirectoryServiceClient client, CallOptions? options = null) =>
        client.GetUnitAsync(new GetUnitRequest { Id = "dhrr" }, options ?? default).ResponseAsync;

    public static Task Search(DirectoryService.DirectoryServiceClient client, string query, CallOptions? options = null) =>
        client.SearchDirectoryAsync(new SearchDirectoryRequest { Query = query, PageSize = 20 }, options ?? default).ResponseAsync;

    /// <summary>Call number i of a mixed read load: unit lookups, office lists and searches.</summary>
    public static Task Mixed(DirectoryService.DirectoryServiceClient client, int i) => (i % 4) switch
    {
        0 or 1 => GetUnit(client),
        2 => client.ListOfficesAsync(new ListOfficesRequest { PageSize = 20 }).ResponseAsync,
        _ => Search(client, i % 8 == 3 ? "migration" : "urgence humanitaire"),
    };
}
