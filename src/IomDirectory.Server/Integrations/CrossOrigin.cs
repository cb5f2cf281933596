using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Cors.Infrastructure;

namespace IomDirectory.Server.Integrations;

/// <summary>
/// Calls from pages on other origins (a helpdesk widget): CORS for the HTTP/JSON routes, gRPC-Web and
/// <c>/openapi.json</c>, from the origins listed in <c>--Cors:AllowedOrigins</c> (separated by <c>;</c> or
/// <c>,</c>; none by default, so a browser on another origin is refused). Pages and <c>/metrics</c> never answer
/// another origin. No credentials: a widget sends a bearer token in <c>authorization</c>, never the page's cookie.
/// The request headers a gRPC-Web client sends are allowed, and the trailers-as-headers it reads are exposed.
/// </summary>
internal static class CrossOrigin
{
    public const string PolicyName = "directory-integrations";

    /// <summary>What gRPC-Web clients (grpc-web, Connect, @improbable-eng) and JSON callers send.</summary>
    public static readonly string[] AllowedHeaders = ["content-type", "x-grpc-web", "x-user-agent", "grpc-timeout", "authorization"];

    /// <summary>What gRPC-Web clients read from a response whose trailers came as headers (a trailers-only answer).</summary>
    public static readonly string[] ExposedHeaders = ["grpc-status", "grpc-message", "grpc-status-details-bin"];

    public static IReadOnlyList<string> Origins(IConfiguration configuration)
    {
        var section = configuration.GetSection("Cors:AllowedOrigins");
        var listed = section.GetChildren().Select(c => c.Value).Append(section.Value);
        var origins = new List<string>();
        foreach (var item in listed.Where(v => !string.IsNullOrWhiteSpace(v)).SelectMany(v => v!.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (!Uri.TryCreate(item, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.AbsolutePath != "/" || uri.Query.Length > 0)
                throw new ArgumentException($"--Cors:AllowedOrigins: '{item}' is not an origin (scheme://host[:port], e.g. https://helpdesk.example.org).");
            origins.Add(uri.GetLeftPart(UriPartial.Authority));
        }
        return origins;
    }

    public static IServiceCollection AddDirectoryCors(this IServiceCollection services, IReadOnlyList<string> origins) =>
        services.AddCors(o => o.AddPolicy(PolicyName, p =>
        {
            p.WithOrigins([.. origins]).WithMethods("GET", "HEAD", "POST").WithHeaders(AllowedHeaders).WithExposedHeaders(ExposedHeaders)
             .SetPreflightMaxAge(TimeSpan.FromMinutes(10));
        }));

    /// <summary>After routing: only gRPC methods (gRPC-Web), their JSON routes and the OpenAPI document take part.</summary>
    public static IApplicationBuilder UseDirectoryCors(this IApplicationBuilder app) =>
        app.UseWhen(Applies, branch => branch.UseCors(PolicyName));

    private static bool Applies(HttpContext context) =>
        context.GetEndpoint() is { } endpoint
        && (endpoint.Metadata.GetMetadata<GrpcMethodMetadata>() is not null || endpoint.Metadata.GetMetadata<OpenApiDocumentMarker>() is not null);

    /// <summary>
    /// Lets a CORS preflight (OPTIONS) reach a service's JSON routes: grpc-dotnet marks its gRPC methods as
    /// accepting one (for gRPC-Web), but the transcoded GET and POST routes not, so routing would answer 404.
    /// </summary>
    public static GrpcServiceEndpointConventionBuilder AcceptingCorsPreflight(this GrpcServiceEndpointConventionBuilder builder)
    {
        builder.Add(endpoint =>
        {
            if (endpoint.Metadata.OfType<Microsoft.AspNetCore.Routing.HttpMethodMetadata>().LastOrDefault() is { AcceptCorsPreflight: false } methods)
                endpoint.Metadata.Add(new Microsoft.AspNetCore.Routing.HttpMethodMetadata(methods.HttpMethods, acceptCorsPreflight: true));
        });
        return builder;
    }

    /// <summary>Put on the /openapi.json endpoint, so that tools on other origins may read it.</summary>
    internal sealed class OpenApiDocumentMarker
    {
        public static readonly OpenApiDocumentMarker Instance = new();
        private OpenApiDocumentMarker() { }
    }
}
