using IomDirectory.Grpc.Health.V1;
using Microsoft.Extensions.DependencyInjection;

namespace IomDirectory.Grpc.Internal;

/// <summary>grpc.health.v1.Health over <see cref="HealthStatusManager"/> (grpc/grpc doc/health-checking.md).</summary>
internal static class HealthService
{
    private const int MaxListedServices = 100;

    public static void Bind(GrpcServiceBinder binder) => binder
        .Unary<HealthCheckRequest, HealthCheckResponse>("Check", Check)
        .Unary<HealthListRequest, HealthListResponse>("List", List)
        .ServerStreaming<HealthCheckRequest, HealthCheckResponse>("Watch", Watch);

    private static Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context)
    {
        var manager = context.RequestServices.GetRequiredService<HealthStatusManager>();
        if (!manager.TryGetStatus(request.Service, out var status))
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"Unknown service '{request.Service}'."));
        }

        return Task.FromResult(new HealthCheckResponse { Status = (HealthCheckResponse.Types.ServingStatus)status });
    }

    private static Task<HealthListResponse> List(HealthListRequest request, ServerCallContext context)
    {
        var all = context.RequestServices.GetRequiredService<HealthStatusManager>().GetAll();
        if (all.Count > MaxListedServices)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted, $"More than {MaxListedServices} services."));
        }

        var response = new HealthListResponse();
        foreach (var (service, status) in all)
        {
            response.Statuses[service] = new HealthCheckResponse { Status = (HealthCheckResponse.Types.ServingStatus)status };
        }

        return Task.FromResult(response);
    }

    private static async Task Watch(HealthCheckRequest request, IServerStreamWriter<HealthCheckResponse> writer, ServerCallContext context)
    {
        var manager = context.RequestServices.GetRequiredService<HealthStatusManager>();
        var channel = manager.Watch(request.Service);
        try
        {
            await foreach (var status in channel.Reader.ReadAllAsync(context.CancellationToken).ConfigureAwait(false))
            {
                await writer.WriteAsync(new HealthCheckResponse { Status = (HealthCheckResponse.Types.ServingStatus)status }).ConfigureAwait(false);
            }
        }
        finally
        {
            manager.Unwatch(request.Service, channel);
        }

        // The manager completes watches only when the server shuts down.
        throw new RpcException(new Status(StatusCode.Unavailable, "Server is shutting down."));
    }
}
