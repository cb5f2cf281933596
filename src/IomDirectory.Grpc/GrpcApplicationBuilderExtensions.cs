using IomDirectory.Grpc.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace IomDirectory.Grpc;

/// <summary>Adds the gRPC server to the HTTP pipeline.</summary>
public static class GrpcApplicationBuilderExtensions
{
    /// <summary>Terminal middleware: every request reaching it is handled as a gRPC call (or rejected as one).</summary>
    public static IApplicationBuilder UseGrpcServer(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var dispatcher = app.ApplicationServices.GetRequiredService<GrpcRequestDispatcher>();
        app.Run(dispatcher.HandleAsync);
        return app;
    }
}
