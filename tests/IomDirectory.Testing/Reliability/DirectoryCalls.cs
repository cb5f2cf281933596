using Google.Protobuf.Reflection;
using IomDirectory.Contracts.V1;
using Grpc.Core;
using IomDirectory.Contracts.Transport;

namespace IomDirectory.Testing.Reliability;

/// <summary>Valid calls against the repository's real data/ that the reliability runs mix and check with.</summary>
public static class DirectoryCalls
{
    private static readonly ServiceDescriptor Directory = DirectoryReflection.Descriptor.Services.Single(s => s.Name == "DirectoryService");

    public static MethodDescriptor Method(string name) => Directory.FindMethodByName(name);

    public static Task GetUnit(CallInvoker client, CallOptions? options = null) =>
        client.UnaryAsync<GetUnitRequest, Unit>(Method("GetUnit"), new GetUnitRequest { Id = "dhrr" }, options);

    public static Task Search(CallInvoker client, string query, CallOptions? options = null) =>
        client.UnaryAsync<SearchDirectoryRequest, SearchDirectoryResponse>(Method("SearchDirectory"),
            new SearchDirectoryRequest { Query = query, PageSize = 20 }, options);

    /// <summary>Call number i of a mixed read load: unit lookups, office lists and searches.</summary>
    public static Task Mixed(CallInvoker client, int i) => (i % 4) switch
    {
        0 or 1 => GetUnit(client),
        2 => client.UnaryAsync<ListOfficesRequest, ListOfficesResponse>(Method("ListOffices"), new ListOfficesRequest { PageSize = 20 }),
        _ => Search(client, i % 8 == 3 ? "migration" : "urgence humanitaire"),
    };
}
