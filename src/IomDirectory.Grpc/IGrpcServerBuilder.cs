using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using Microsoft.Extensions.DependencyInjection;

namespace IomDirectory.Grpc;

/// <summary>Registers gRPC services; returned by <see cref="GrpcServiceCollectionExtensions.AddGrpcServer"/>.</summary>
public interface IGrpcServerBuilder
{
    IServiceCollection Services { get; }

    /// <summary>Registers a service; methods not bound by <paramref name="bind"/> answer UNIMPLEMENTED.</summary>
    IGrpcServerBuilder AddService(ServiceDescriptor service, Action<GrpcServiceBinder> bind);

    /// <summary>Adds grpc.health.v1.Health and the <see cref="HealthStatusManager"/> singleton.</summary>
    IGrpcServerBuilder AddHealthChecks();

    /// <summary>Adds grpc.reflection.v1alpha and grpc.reflection.v1 ServerReflection.</summary>
    IGrpcServerBuilder AddReflection();
}
