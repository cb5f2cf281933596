using IomDirectory.Testing;
using IomDirectory.Testing.Reliability;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using IomDirectory.Contracts.V1;
using IomDirectory.Bench.Support;
using Grpc.Core;
using IomDirectory.Contracts.Transport;

namespace IomDirectory.Bench.Wire;

/// <summary>
/// One endpoint the wire benchmark loads: its path, the request h2load sends, and (for real RPCs) how a real
/// client makes the same call, whose answer is the reference every h2load response is checked against.
/// <see cref="CachesOff"/> targets run against a second server started with the server's answer caches off
/// (<see cref="ServerUnderTest.CachesOff"/>): h2load repeats one request, which a cache answers from memory, so the report also
/// shows what the same call costs when it is computed.
/// </summary>
public sealed record WireTarget(string Name, string Path, IMessage Request, Func<CallInvoker, Task<IMessage>>? Call, double? RatioTarget,
    bool CachesOff = false)
{
    public const string BareName = "Bare (canned OK)";

    private static readonly GetUnitRequest GetUnitRequest = new() { Id = "dhrr" };

    private static readonly SuggestContactsRequest SuggestRequest =
        new() { Query = "Who can help with cash-based interventions in an emergency?", AskerCountry = "SN" };

    public static IReadOnlyList<WireTarget> All { get; } =
    [
        new(BareName, "/grpc.benchmark.Bare/Echo", new Google.Protobuf.WellKnownTypes.Empty(), null, null),
        Unary<GetUnitRequest, Unit>(DirectoryReflection.Descriptor, "DirectoryService", "GetUnit", GetUnitRequest, 0.75),
        Unary<GetUnitRequest, Unit>(DirectoryReflection.Descriptor, "DirectoryService", "GetUnit", GetUnitRequest, 0.5) with
            { Name = "GetUnit (caches off)", CachesOff = true },
        Unary<SearchDirectoryRequest, SearchDirectoryResponse>(DirectoryReflection.Descriptor, "DirectoryService", "SearchDirectory",
            new SearchDirectoryRequest { Query = "emergency response", PageSize = 10 }, null),
        Unary<SuggestContactsRequest, SuggestContactsResponse>(RoutingReflection.Descriptor, "RoutingService", "SuggestContacts", SuggestRequest, 0.6),
        Unary<SuggestContactsRequest, SuggestContactsResponse>(RoutingReflection.Descriptor, "RoutingService", "SuggestContacts", SuggestRequest, 0.35) with
            { Name = "SuggestContacts (caches off)", CachesOff = true },
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
