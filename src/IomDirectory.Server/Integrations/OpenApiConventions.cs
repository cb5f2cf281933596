using System.Xml.XPath;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.OpenApi.Models;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace IomDirectory.Server.Integrations;

/// <summary>
/// What the generator cannot see by itself. Our services are bound by descriptor (not derived from the generated
/// <c>XxxServiceBase</c>), so Grpc.Swagger's own XML filter finds no comment for an operation: the summary is read
/// here from the generated base method's documentation, which is the proto comment. Also: an operation id per RPC,
/// the bearer scheme (optional on every read: <c>--Jwt:RequireReaderRole</c> makes it required) and the error body.
/// </summary>
internal static class OpenApiConventions
{
    public const string BearerScheme = "bearer";

    public static void Apply(SwaggerGenOptions options, XPathDocument? xml)
    {
        options.OperationFilter<RpcOperationFilter>(new XmlDocs(xml));
        options.DocumentFilter<DirectoryDocumentFilter>(new XmlDocs(xml));
    }

    /// <summary>The Contracts assembly's XML documentation (the proto comments), or nothing when it is missing.</summary>
    internal sealed class XmlDocs(XPathDocument? xml)
    {
        private readonly XPathNavigator? _navigator = xml?.CreateNavigator();

        /// <summary>The summary of the first member whose name starts with <paramref name="prefix"/>.</summary>
        public string? Summary(string prefix)
        {
            var node = _navigator?.SelectSingleNode($"/doc/members/member[starts-with(@name, '{prefix}')]/summary");
            return node is null ? null : string.Join(" ", node.Value.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        }

        public static string GeneratedNamespace => typeof(Contracts.V1.DirectoryService).Namespace!;
    }

    private sealed class RpcOperationFilter(XmlDocs docs) : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<GrpcJsonTranscodingMetadata>().FirstOrDefault();
            if (metadata is null) return;
            var method = metadata.MethodDescriptor;
            var service = method.Service.Name;
            operation.OperationId = method.Name;
            operation.Summary ??= docs.Summary($"M:{XmlDocs.GeneratedNamespace}.{service}.{service}Base.{method.Name}(");
            operation.Description ??= $"gRPC: {method.FullName} (the same method over gRPC and gRPC-Web).";
            operation.Security =
            [
                new OpenApiSecurityRequirement(),   // anonymous reads, unless the server requires the reader role
                new OpenApiSecurityRequirement { [new OpenApiSecurityScheme { Reference = new OpenApiReference { Type = ReferenceType.SecurityScheme, Id = BearerScheme } }] = [] },
            ];
            if (operation.Responses.TryGetValue("default", out var error))
                error.Description = "An error: the HTTP status of the gRPC code (400 INVALID_ARGUMENT, 401 UNAUTHENTICATED, 403 PERMISSION_DENIED, " +
                                    "404 NOT_FOUND, 503 UNAVAILABLE…) with the google.rpc.Status as JSON; details carry google.rpc.BadRequest field violations.";
        }
    }

    private sealed class DirectoryDocumentFilter(XmlDocs docs) : IDocumentFilter
    {
        public void Apply(OpenApiDocument document, DocumentFilterContext context)
        {
            document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A token of the organization's identity provider (OpenID Connect, e.g. Entra ID client credentials) " +
                              "or one minted with `iomdir token`. Reads need none unless the server runs with --Jwt:RequireReaderRole=true.",
            };
            document.Tags = document.Paths.Values.SelectMany(p => p.Operations.Values).SelectMany(o => o.Tags).Select(t => t.Name).Distinct()
                .Select(name => new OpenApiTag { Name = name, Description = docs.Summary($"T:{XmlDocs.GeneratedNamespace}.{name}") })
                .ToList();
            if (document.Components.Schemas.TryGetValue("Status", out var status))
                status.Description = "google.rpc.Status: code is the gRPC status code (3 INVALID_ARGUMENT, 5 NOT_FOUND…), message says " +
                                     "what went wrong, details are typed by their @type (google.rpc.BadRequest with fieldViolations).";
        }
    }
}
