using Google.Protobuf;
using Google.Protobuf.Reflection;
using IomDirectory.Contracts.V1;
using IomDirectory.Grpc;

namespace IomDirectory.Bench.Wire;

/// <summary>
/// One endpoint the wire benchmark loads: its path, the request h2load sends, and (for real RPCs) how a real
/// client makes the same call, whose answer is the reference every h2load response is checked against.
/// </summary>
public sealed record WireTarget(string Name, string Path, IMessage Request, Func<GrpcClient, Task<IMessage>>? Call, double? RatioTarget)
{
    public const string BareName = "Bare (canned OK)";

    public static IReadOnlyList<WireTarget> All { get; } =
    [
        new(BareName, "/grpc.benchmark.Bare/Echo", new Google.Protobuf.WellKnownTypes.Empty(), null, null),
        Unary<GetUnitRequest, Unit>(DirectoryReflection.Descriptor, "DirectoryService", "GetUnit",
            new GetUnitRequest { Id = "dhrr" }, 0.8),
        Unary<SearchDirectoryRequest, SearchDirectoryResponse>(DirectoryReflection.Descriptor, "DirectoryService", "SearchDirectory",
            new SearchDirectoryRequest { Query = "emergency response", PageSize = 10 }, null),
        Unary<SuggestContactsRequest, SuggestContactsResponse>(RoutingReflection.Descriptor, "RoutingService", "SuggestContacts",
            new SuggestContactsRequest { Query = "Who can help with cash-based interventions in an emergency?", AskerCountry = "SN" }, 0.6),
    ];

    public bool IsBare => Call is null;

    private static WireTarget Unary<TRequest, TResponse>(FileDescriptor file, string service, string method, TRequest request, double? ratioTarget)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>, new()
    {
        var descriptor = file.Services.Single(s => s.Name == service).FindMethodByName(method);
        return new WireTarget(method, $"/{descriptor.Service.FullName}/{method}", request,
            async client => await client.UnaryAsync<TRequest, TResponse>(descriptor, request), ratioTarget);
    }
}
