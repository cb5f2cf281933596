using IomDirectory.Testing;
using IomDirectory.Testing.Reliability;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using IomDirectory.Contracts.V1;
using IomDirectory.Bench.Support;
using Grpc.Core;
using DirectoryClient = IomDirectory.Contracts.V1.DirectoryService.DirectoryServiceClient;
using RoutingClient = IomDirectory.Contracts.V1.RoutingService.RoutingServiceClient;

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

    private static readonly SearchDirectoryRequest SearchRequest = new() { Query = "emergency response", PageSize = 10 };

    private static readonly SuggestContactsRequest SuggestRequest =
        new() { Query = "Who can help with cash-based interventions in an emergency?", AskerCountry = "SN" };

    public static IReadOnlyList<WireTarget> All { get; } =
    [
        new(BareName, "/grpc.benchmark.Bare/Echo", new Google.Protobuf.WellKnownTypes.Empty(), null, null),
        Directory(nameof(DirectoryClient.GetUnit), GetUnitRequest, c => c.GetUnitAsync(GetUnitRequest), 0.75),
        Directory(nameof(DirectoryClient.GetUnit), GetUnitRequest, c => c.GetUnitAsync(GetUnitRequest), 0.5) with
            { Name = "GetUnit (caches off)", CachesOff = true },
        Directory(nameof(DirectoryClient.SearchDirectory), SearchRequest, c => c.SearchDirectoryAsync(SearchRequest), null),
        Routing(nameof(RoutingClient.SuggestContacts), SuggestRequest, c => c.SuggestContactsAsync(SuggestRequest), 0.6),
        Routing(nameof(RoutingClient.SuggestContacts), SuggestRequest, c => c.SuggestContactsAsync(SuggestRequest), 0.35) with
            { Name = "SuggestContacts (caches off)", CachesOff = true },
    ];

    public bool IsBare => Call is null;

    // h2load needs the method's path, so each target names its method (nameof keeps the name the client's); the
    // reference answer comes from the typed client.
    private static WireTarget Directory<TResponse>(string method, IMessage request, Func<DirectoryClient, AsyncUnaryCall<TResponse>> call,
        double? ratioTarget) where TResponse : IMessage =>
        Unary(DirectoryService.Descriptor, method, request, invoker => call(new DirectoryClient(invoker)), ratioTarget);

    private static WireTarget Routing<TResponse>(string method, IMessage request, Func<RoutingClient, AsyncUnaryCall<TResponse>> call,
        double? ratioTarget) where TResponse : IMessage =>
        Unary(RoutingService.Descriptor, method, request, invoker => call(new RoutingClient(invoker)), ratioTarget);

    private static WireTarget Unary<TResponse>(ServiceDescriptor service, string method, IMessage request, Func<CallInvoker, AsyncUnaryCall<TResponse>> call,
        double? ratioTarget) where TResponse : IMessage =>
        new(method, $"/{service.FullName}/{method}", request, async client =>
        {
            using var unary = call(client);
            return await unary.ResponseAsync;
        }, ratioTarget);
}
