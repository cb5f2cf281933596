using Grpc.Core;
using Grpc.Health.V1;
using Grpc.HealthCheck;
using IomDirectory.Contracts.V1;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace IomDirectory.Server.Rpc;

/// <summary>
/// grpc.health.v1.Health over Grpc.HealthCheck's <see cref="HealthServiceImpl"/>, which keeps the statuses and the
/// watchers of the names it knows: "" (the whole server) and each iom.directory.v1 service. What that class does not
/// bound, this one does: a name longer than <see cref="MaxServiceNameLength"/> is INVALID_ARGUMENT, a Watch of an
/// unknown name answers SERVICE_UNKNOWN and waits without being remembered anywhere, and at most
/// <see cref="MaxConcurrentWatches"/> watches are open at once (then RESOURCE_EXHAUSTED).
/// </summary>
public sealed class DirectoryHealthService : Health.HealthBase
{
    public const int MaxServiceNameLength = 200;
    public const int MaxConcurrentWatches = 256;

    private readonly HealthServiceImpl _statuses = new();
    private readonly HashSet<string> _known;
    private int _watches;
    private readonly Lock _state = new();   // shutdown and the readiness loop set these from different threads
    private bool _serving;
    private bool _writable = true;
    private bool _stalled;

    public DirectoryHealthService()
    {
        _known = ["", DirectoryService.Descriptor.FullName, RoutingService.Descriptor.FullName, AdminService.Descriptor.FullName];
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
        foreach (var name in _known)
        {
            var up = _serving && ((_writable && !_stalled) || name != AdminService.Descriptor.FullName);
            _statuses.SetStatus(name, up ? ServingStatus.Serving : ServingStatus.NotServing);
        }
    }

    public override Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context)
    {
        CheckName(request.Service);
        return _known.Contains(request.Service)
            ? _statuses.Check(request, context)
            : throw new RpcException(new Status(StatusCode.NotFound, "Unknown service name."));
    }

    public override async Task Watch(HealthCheckRequest request, IServerStreamWriter<HealthCheckResponse> responseStream, ServerCallContext context)
    {
        CheckName(request.Service);
        if (Interlocked.Increment(ref _watches) > MaxConcurrentWatches)
        {
            Interlocked.Decrement(ref _watches);
            throw new RpcException(new Status(StatusCode.ResourceExhausted, $"Too many health watches open (at most {MaxConcurrentWatches})."));
        }
        try
        {
            if (_known.Contains(request.Service))
            {
                await _statuses.Watch(request, responseStream, context);
                return;
            }
            await responseStream.WriteAsync(new HealthCheckResponse { Status = ServingStatus.ServiceUnknown });
            try
            {
                await Task.Delay(Timeout.Infinite, context.CancellationToken);
            }
            catch (OperationCanceledException)
            {
            }
        }
        finally
        {
            Interlocked.Decrement(ref _watches);
        }
    }

    private static void CheckName(string name)
    {
        if (name.Length > MaxServiceNameLength)
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"service: longer than {MaxServiceNameLength} characters."));
    }
}
