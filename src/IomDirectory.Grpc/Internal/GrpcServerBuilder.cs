using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IomDirectory.Grpc.Internal;

internal sealed class GrpcServerBuilder(IServiceCollection services, GrpcServiceRegistry registry) : IGrpcServerBuilder
{
    private static readonly ServiceDescriptor HealthDescriptor = Health.V1.HealthReflection.Descriptor.Services[0];
    private static readonly ServiceDescriptor ReflectionV1Descriptor = Reflection.V1.ReflectionReflection.Descriptor.Services[0];
    private static readonly ServiceDescriptor ReflectionV1AlphaDescriptor = Reflection.V1Alpha.ReflectionReflection.Descriptor.Services[0];

    public IServiceCollection Services { get; } = services;

    public IGrpcServerBuilder AddService(ServiceDescriptor service, Action<GrpcServiceBinder> bind)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(bind);
        var binder = new GrpcServiceBinder(service);
        bind(binder);
        registry.Add(binder);
        return this;
    }

    public IGrpcServerBuilder AddHealthChecks()
    {
        if (registry.Contains(HealthDescriptor.FullName))
        {
            return this;
        }

        Services.TryAddSingleton<HealthStatusManager>();
        Services.AddHostedService<HealthLifecycleService>();
        return AddService(HealthDescriptor, HealthService.Bind);
    }

    public IGrpcServerBuilder AddReflection()
    {
        if (registry.Contains(ReflectionV1Descriptor.FullName))
        {
            return this;
        }

        Services.TryAddSingleton<ReflectionService>();
        AddService(ReflectionV1AlphaDescriptor, ReflectionService.BindV1Alpha);
        return AddService(ReflectionV1Descriptor, ReflectionService.BindV1);
    }
}
