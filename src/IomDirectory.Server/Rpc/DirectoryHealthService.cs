using Grpc.Core;
using Grpc.Health.V1;
using IomDirectory.Contracts.V1;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace IomDirectory.Server.Rpc;

/// <summary>
/// grpc.health.v1.Health for "" (the whole server) and each iom.directory.v1 service. Health is anonymous, so every
/// watch is bounded:
/// <list type="bullet">
/// <item>a name longer than <see cref="MaxServiceNameLength"/> is INVALID_ARGUMENT; a Watch of an unknown name is
/// answered SERVICE_UNKNOWN once and closed, holding nothing;</item>
/// <item>at most <see cref="MaxConcurrentWatches"/> watches are open at once, of which <see cref="ReservedForGrpc"/>
/// are kept for native gRPC (the clients whose load balancing follows health): gRPC-Web watches, which over HTTP/1.1
/// take a connection each, cannot take them all;</item>
/// <item>a connection holds at most <see cref="MaxWatchesPerConnection"/> (a client needs one per name);</item>
/// <item>a watch whose status has not changed for <c>Grpc:HealthWatchLifetime</c> (default
/// <see cref="DefaultWatchLifetime"/>) is ended with OK: a gRPC client watching health opens it again at once, an
/// abandoned one lets its place go.</item>
/// </list>
/// Over the limits a watch is RESOURCE_EXHAUSTED.
/// </summary>
public sealed class DirectoryHealthService : Health.HealthBase
{
    public const int MaxServiceNameLength = 200;
    public const int MaxConcurrentWatches = 256;
    public const int ReservedForGrpc = 64;
    public const int MaxWatchesPerConnection = 8;
    public static readonly TimeSpan DefaultWatchLifetime = TimeSpan.FromMinutes(5);

    private static readonly string[] Names =
        ["", DirectoryService.Descriptor.FullName, RoutingService.Descriptor.FullName, AdminService.Descriptor.FullName];

    private readonly TimeSpan _watchLifetime;
    private readonly Lock _state = new();   // shutdown, the readiness loop and the watches read and set these from different threads
    private readonly Dictionary<string, ServingStatus> _statuses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _watchesByConnection = new(StringComparer.Ordinal);
    private TaskCompletionSource _changed = NewSignal();
    private int _watches;
    private int _grpcWebWatches;
    private bool _serving;
    private bool _writable = true;
    private bool _stalled;

    public DirectoryHealthService(IConfiguration configuration)
    {
        _watchLifetime = configuration.GetValue("Grpc:HealthWatchLifetime", DefaultWatchLifetime);
        SetServing(false);
    }

    /// <summary>SERVING or NOT_SERVING for the server and every service it names.</summary>
    public void SetServing(bool serving)
    {
        lock (_state)
        {
            _serving = serving;
            Publish();
        }
    }

    /// <summary>
    /// Whether writes can be made (the database answers). Reads are served from the in-memory snapshot without it, so
    /// while it is down the server and its read services stay SERVING and only the AdminService is NOT_SERVING.
    /// </summary>
    public void SetWritable(bool writable)
    {
        lock (_state)
        {
            _writable = writable;
            Publish();
        }
    }

    /// <summary>Whether the change feed is stalled (writes would not be seen): the AdminService is NOT_SERVING meanwhile.</summary>
    public void SetChangeFeedStalled(bool stalled)
    {
        lock (_state)
        {
            _stalled = stalled;
            Publish();
        }
    }

    private void Publish()
    {
        foreach (var name in Names)
        {
            var up = _serving && ((_writable && !_stalled) || name != AdminService.Descriptor.FullName);
            _statuses[name] = up ? ServingStatus.Serving : ServingStatus.NotServing;
        }
        var changed = _changed;
        _changed = NewSignal();
        changed.TrySetResult();
    }

    public override Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context)
    {
        CheckName(request.Service);
        var (status, _) = Current(request.Service);
        return status is { } known
            ? Task.FromResult(new HealthCheckResponse { Status = known })
            : throw new RpcException(new Status(StatusCode.NotFound, "Unknown service name."));
    }

    public override async Task Watch(HealthCheckRequest request, IServerStreamWriter<HealthCheckResponse> responseStream, ServerCallContext context)
    {
        CheckName(request.Service);
        if (Current(request.Service).Status is null)
        {
            await responseStream.WriteAsync(new HealthCheckResponse { Status = ServingStatus.ServiceUnknown });
            return;
        }
        var http = context.GetHttpContext();
        // gRPC-Web's middleware presents its requests as HTTP/2 application/grpc: the mark made before it tells them apart.
        var grpcWeb = http.Features.Get<Hosting.GrpcOnlyEndpoints.GrpcWebRequest>() is not null;
        var connection = http.Connection.Id;
        if (Admit(connection, grpcWeb) is { } refusal)
            throw new RpcException(new Status(StatusCode.ResourceExhausted, refusal));
        try
        {
            ServingStatus? sent = null;
            while (!context.CancellationToken.IsCancellationRequested)
            {
                var (status, changed) = Current(request.Service);
                if (status != sent)
                {
                    await responseStream.WriteAsync(new HealthCheckResponse { Status = status!.Value });
                    sent = status;
                }
                if (await Task.WhenAny(changed, Task.Delay(_watchLifetime, context.CancellationToken)) != changed)
                    return;   // unchanged for the whole lifetime, or the caller left
            }
        }
        finally
        {
            Leave(connection, grpcWeb);
        }
    }

    private (ServingStatus? Status, Task Changed) Current(string name)
    {
        lock (_state)
            return (_statuses.TryGetValue(name, out var status) ? status : null, _changed.Task);
    }

    /// <summary>Takes a place for a watch, or says which limit refuses it.</summary>
    private string? Admit(string connection, bool grpcWeb)
    {
        lock (_state)
        {
            if (_watches >= MaxConcurrentWatches)
                return $"Too many health watches open (at most {MaxConcurrentWatches}).";
            if (grpcWeb && _grpcWebWatches >= MaxConcurrentWatches - ReservedForGrpc)
                return $"Too many gRPC-Web health watches open (at most {MaxConcurrentWatches - ReservedForGrpc}; the rest are kept for gRPC clients).";
            _watchesByConnection.TryGetValue(connection, out var onConnection);
            if (onConnection >= MaxWatchesPerConnection)
                return $"Too many health watches open on this connection (at most {MaxWatchesPerConnection}).";
            _watchesByConnection[connection] = onConnection + 1;
            _watches++;
            if (grpcWeb) _grpcWebWatches++;
            return null;
        }
    }

    private void Leave(string connection, bool grpcWeb)
    {
        lock (_state)
        {
            _watches--;
            if (grpcWeb) _grpcWebWatches--;
            if (--_watchesByConnection[connection] == 0) _watchesByConnection.Remove(connection);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static void CheckName(string name)
    {
        if (name.Length > MaxServiceNameLength)
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"service: longer than {MaxServiceNameLength} characters."));
    }
}
