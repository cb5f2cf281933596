namespace IomDirectory.Grpc.Internal;

/// <summary>Every service registered through <see cref="IGrpcServerBuilder.AddService"/>, in registration order.</summary>
internal sealed class GrpcServiceRegistry
{
    private readonly List<GrpcServiceBinder> _services = [];

    public IReadOnlyList<GrpcServiceBinder> Services => _services;

    public void Add(GrpcServiceBinder service)
    {
        foreach (var existing in _services)
        {
            if (existing.Service.FullName == service.Service.FullName)
            {
                throw new InvalidOperationException($"Service {service.Service.FullName} is registered twice.");
            }
        }

        _services.Add(service);
    }

    public bool Contains(string serviceName)
    {
        foreach (var service in _services)
        {
            if (service.Service.FullName == serviceName)
            {
                return true;
            }
        }

        return false;
    }
}
