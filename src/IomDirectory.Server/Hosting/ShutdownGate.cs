namespace IomDirectory.Server.Hosting;

/// <summary>
/// Once shutdown begins, a gRPC call that still arrives (on a connection Kestrel has not closed yet) is answered
/// UNAVAILABLE "Server is shutting down." at once, Trailers-Only, so clients retry elsewhere instead of starting
/// work that shutdown would cut; calls already running finish. grpc-dotnet has no such answer of its own.
/// </summary>
internal static class ShutdownGate
{
    public static IApplicationBuilder UseShutdownGate(this IApplicationBuilder app)
    {
        var stopping = app.ApplicationServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        return app.Use((context, next) =>
        {
            if (!stopping.IsCancellationRequested || !IsGrpc(context.Request.ContentType)) return next(context);
            var response = context.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = context.Request.ContentType!.StartsWith("application/grpc-web", StringComparison.OrdinalIgnoreCase)
                ? "application/grpc-web+proto" : "application/grpc";
            response.Headers["grpc-status"] = "14";
            response.Headers["grpc-message"] = "Server is shutting down.";
            return Task.CompletedTask;
        });
    }

    private static bool IsGrpc(string? contentType) =>
        contentType is not null && contentType.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase);
}
