using Grpc.AspNetCore.Server;
using IomDirectory.Server.Rpc.Internal;

namespace IomDirectory.Server.Rpc;

/// <summary>
/// What the gRPC services need beneath them, registered from here so that the host wires Rpc/ without reaching into
/// Rpc/Internal/: the pipeline the services call and the two interceptors (failures to statuses, and the reflection
/// guard).
/// </summary>
internal static class RpcMachinery
{
    public static IServiceCollection AddRpcMachinery(this IServiceCollection services)
    {
        services.AddSingleton<RpcPipeline>();
        services.AddSingleton<ExceptionMappingInterceptor>();
        services.AddSingleton<ReflectionGuardInterceptor>();
        return services;
    }

    /// <summary>Every failure of a service's handlers becomes its status in one place (<see cref="ExceptionMappingInterceptor"/>).</summary>
    public static void MapExceptions(this GrpcServiceOptions options) => options.Interceptors.Add<ExceptionMappingInterceptor>();

    /// <summary>Reflection answers only what the guard lets through (<see cref="ReflectionGuardInterceptor"/>).</summary>
    public static void GuardReflection(this GrpcServiceOptions options) => options.Interceptors.Add<ReflectionGuardInterceptor>();
}
