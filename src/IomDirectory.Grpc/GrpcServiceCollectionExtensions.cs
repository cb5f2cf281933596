using IomDirectory.Grpc.Internal;
using Microsoft.Extensions.DependencyInjection;

namespace IomDirectory.Grpc;

/// <summary>Registers the gRPC server in DI.</summary>
public static class GrpcServiceCollectionExtensions
{
    /// <summary>Adds the server; call <see cref="GrpcApplicationBuilderExtensions.UseGrpcServer"/> to serve it.</summary>
    public static IGrpcServerBuilder AddGrpcServer(this IServiceCollection services, Action<GrpcServerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<GrpcServerOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        GrpcServiceRegistry? registry = null;
        foreach (var descriptor in services)
        {
            if (descriptor.ServiceType == typeof(GrpcServiceRegistry) && descriptor.ImplementationInstance is GrpcServiceRegistry existing)
            {
                registry = existing;
            }
        }

        if (registry is null)
        {
            registry = new GrpcServiceRegistry();
            services.AddSingleton(registry);
            services.AddSingleton<GrpcServerRuntime>();
            services.AddSingleton<GrpcRequestDispatcher>();
        }

        return new GrpcServerBuilder(services, registry);
    }
}
