using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IomDirectory.Grpc.Internal;

/// <summary>Per-server state shared by every call: options, logger, the optional exception mapper, lifetime, root services.</summary>
internal sealed class GrpcServerRuntime(
    IServiceProvider services,
    IOptions<GrpcServerOptions> options,
    ILoggerFactory loggerFactory,
    IHostApplicationLifetime lifetime,
    IEnumerable<IGrpcExceptionMapper> mappers)
{
    public IServiceProvider Services { get; } = services;

    public GrpcServerOptions Options { get; } = options.Value;

    public ILogger Logger { get; } = loggerFactory.CreateLogger("IomDirectory.Grpc.Server");

    public IGrpcExceptionMapper? ExceptionMapper { get; } = mappers.LastOrDefault();

    public CancellationToken ApplicationStopping { get; } = lifetime.ApplicationStopping;
}
