using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;

namespace IomDirectory.Grpc.Internal;

/// <summary>
/// The terminal middleware: validates the HTTP request, finds the bound method by path (a frozen dictionary built
/// once at startup) and runs the call. Order of checks: protocol (426), method (405), content-type (415),
/// shutting down (UNAVAILABLE), unknown method (UNIMPLEMENTED), grpc-encoding (UNIMPLEMENTED).
/// </summary>
internal sealed class GrpcRequestDispatcher
{
    private readonly FrozenDictionary<string, ServerMethodHandler?> _methods;
    private readonly GrpcServerRuntime _runtime;
    private readonly CallExecutor _executor;

    public GrpcRequestDispatcher(GrpcServiceRegistry registry, GrpcServerRuntime runtime)
    {
        _runtime = runtime;
        _executor = new CallExecutor(runtime);
        var methods = new Dictionary<string, ServerMethodHandler?>(StringComparer.Ordinal);
        foreach (var service in registry.Services)
        {
            foreach (var method in service.Service.Methods)
            {
                service.Handlers.TryGetValue(method.Name, out var handler);
                methods["/" + service.Service.FullName + "/" + method.Name] = handler;
            }
        }

        _methods = methods.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpProtocol.IsHttp2(request.Protocol) && !HttpProtocol.IsHttp3(request.Protocol))
        {
            Log.RequestRejected(_runtime.Logger, request.Protocol, request.Method, request.Path, StatusCodes.Status426UpgradeRequired);
            context.Response.Headers.Upgrade = "HTTP/2.0";
            context.Response.Headers.Connection = "Upgrade";
            return CallResponder.WriteHttpError(context.Response, StatusCodes.Status426UpgradeRequired,
                new Status(StatusCode.Internal, $"Request protocol '{request.Protocol}' is not supported; gRPC needs HTTP/2."));
        }

        if (!HttpMethods.IsPost(request.Method))
        {
            Log.RequestRejected(_runtime.Logger, request.Protocol, request.Method, request.Path, StatusCodes.Status405MethodNotAllowed);
            context.Response.Headers.Allow = "POST";
            return CallResponder.WriteHttpError(context.Response, StatusCodes.Status405MethodNotAllowed,
                new Status(StatusCode.Internal, $"Request method '{request.Method}' is not supported; gRPC uses POST."));
        }

        if (!GrpcProtocol.IsGrpcContentType(request.ContentType))
        {
            Log.RequestRejected(_runtime.Logger, request.Protocol, request.Method, request.Path, StatusCodes.Status415UnsupportedMediaType);
            return CallResponder.WriteHttpError(context.Response, StatusCodes.Status415UnsupportedMediaType,
                new Status(StatusCode.Internal, $"Content-Type '{request.ContentType}' is not supported."));
        }

        var path = request.Path.Value ?? string.Empty;
        if (_runtime.Options.EnableBareBenchmarkEndpoint && path == BareBenchmarkEndpoint.Path)
        {
            return BareBenchmarkEndpoint.HandleAsync(context);
        }

        if (_runtime.ApplicationStopping.IsCancellationRequested)
        {
            return CallResponder.WriteTrailersOnly(context.Response, new Status(StatusCode.Unavailable, "Server is shutting down."));
        }

        if (!_methods.TryGetValue(path, out var handler) || handler is null)
        {
            var detail = handler is null && _methods.ContainsKey(path)
                ? $"Method {path} is unimplemented."
                : $"Service or method {path} is unimplemented.";
            return CallResponder.WriteTrailersOnly(context.Response, new Status(StatusCode.Unimplemented, detail));
        }

        return _executor.ExecuteAsync(context, handler);
    }
}
