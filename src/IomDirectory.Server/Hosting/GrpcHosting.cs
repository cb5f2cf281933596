using Grpc.AspNetCore.Server;
using IomDirectory.Contracts.Transport;
using IomDirectory.Server.Integrations;
using IomDirectory.Server.Rpc;

namespace IomDirectory.Server.Hosting;

/// <summary>
/// The gRPC surface on grpc-dotnet: the three directory services (singletons, wrapped by the exception-mapping
/// interceptor), health, reflection (v1 and v1alpha), gRPC-Web and the HTTP/JSON transcoding of the read routes.
/// Receive limits are per service (<see cref="ReceiveLimits"/>); a gzip message may inflate to the same limit and no
/// further (<see cref="BoundedGzipCompressionProvider"/>).
/// appsettings.json silences grpc-dotnet's own ServerCallHandler log: every handler failure is logged by
/// <see cref="Rpc.Internal.ExceptionMappingInterceptor"/> with its correlation id, and what is left there is a malformed request
/// (an unparseable message), which any anonymous client could otherwise turn into error logs with stack traces.
/// </summary>
internal static class GrpcHosting
{
    public static IServiceCollection AddDirectoryGrpc(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = ReceiveLimits.From(configuration);
        var readLimit = limits.Read;
        var adminLimit = limits.Admin;
        services.AddSingleton(limits);

        services.AddRpcMachinery();
        services.AddSingleton<DirectoryGrpcService>();
        services.AddSingleton<RoutingGrpcService>();
        services.AddSingleton<AdminGrpcService>();
        services.AddSingleton<DirectoryHealthService>();
        services.AddHostedService<ServingReadiness>();

        services.AddGrpc(o =>
            {
                o.MaxReceiveMessageSize = readLimit;
                Bounded(o, readLimit);
                o.MapExceptions();
            })
            // google.rpc.Status details (BadRequest) are rendered as JSON too; the registry names their types.
            .AddJsonTranscoding(o => o.TypeRegistry = Google.Protobuf.Reflection.TypeRegistry.FromFiles(Google.Rpc.ErrorDetailsReflection.Descriptor))
            .AddServiceOptions<AdminGrpcService>(o =>
            {
                o.MaxReceiveMessageSize = adminLimit;
                Bounded(o, adminLimit);
            })
            .AddServiceOptions<Grpc.Reflection.ReflectionServiceImpl>(o => o.GuardReflection())
            .AddServiceOptions<Grpc.Reflection.ReflectionV1ServiceImpl>(o => o.GuardReflection());
        services.AddGrpcReflection();
        return services;
    }

    public static void MapDirectoryGrpc(this WebApplication app)
    {
        app.UseGrpcWeb(new GrpcWebOptions { DefaultEnabled = true });
        app.MapGrpcService<DirectoryGrpcService>().AcceptingCorsPreflight();   // the JSON routes, for Integrations.CrossOrigin
        app.MapGrpcService<RoutingGrpcService>().AcceptingCorsPreflight();
        app.MapGrpcService<AdminGrpcService>();
        app.MapGrpcService<DirectoryHealthService>();
        app.MapGrpcReflectionService();
    }

    /// <summary>Only identity and the bounded gzip: grpc-dotnet's own gzip (and deflate) would inflate without a limit.</summary>
    private static void Bounded(GrpcServiceOptions options, int limit)
    {
        options.CompressionProviders = [new BoundedGzipCompressionProvider(limit)];
    }
}
