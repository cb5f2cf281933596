using System.Text;
using Microsoft.OpenApi.Models;
using Swashbuckle.AspNetCore.Swagger;
using static System.Net.WebUtility;

namespace IomDirectory.Server.Integrations;

/// <summary>
/// <c>/api</c>: the OpenAPI document as a page people can read — every route with its parameters, body, answer and
/// error, then every message with its fields — rendered on the server from the same document as
/// <c>/openapi.json</c>. No script (the pages' strict CSP forbids any, and an interactive reference such as Scalar
/// needs its script and, for its fonts, the network); the site's stylesheet. Built once, kept as bytes.
/// </summary>
internal sealed class ApiReferencePage(ISwaggerProvider provider, Web.WebAssets assets)
{
    public const string Path = "/api";

    private readonly Lazy<byte[]> _html = new(() => Encoding.UTF8.GetBytes(Render(provider.GetSwagger(OpenApiEndpoint.DocumentName), assets.StylesheetUrl)));

    public IResult Serve(HttpContext http)
    {
        var headers = http.Response.Headers;
        headers.CacheControl = "public, max-age=300";
        headers.ContentLanguage = "en";
        headers["Content-Security-Policy"] = Web.WebPages.ContentSecurityPolicy;
        return Results.Bytes(_html.Value, "text/html; charset=utf-8");
    }

    private static string Render(OpenApiDocument document, string stylesheet)
    {
        var html = new StringBuilder();
        html.Append($"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{HtmlEncode(document.Info.Title)}: HTTP/JSON API</title><link rel="stylesheet" href="{stylesheet}"><link rel="icon" href="data:,"></head>
            <body><main>
            <h1>{HtmlEncode(document.Info.Title)}: HTTP/JSON API</h1>
            <p>{HtmlEncode(document.Info.Description)}</p>
            <p>Machine-readable: <a href="{OpenApiEndpoint.Path}">{OpenApiEndpoint.Path}</a> (OpenAPI {HtmlEncode("3.0")}).</p>
            """);
        foreach (var tag in document.Tags)
        {
            html.Append($"<h2 id=\"{Anchor(tag.Name)}\">{HtmlEncode(tag.Name)}</h2><p>{HtmlEncode(tag.Description)}</p>");
            foreach (var (path, item) in document.Paths)
            foreach (var (method, operation) in item.Operations.Where(o => o.Value.Tags.Any(t => t.Name == tag.Name)))
                Operation(html, method.ToString().ToUpperInvariant(), path, operation);
        }
        html.Append("<h2 id=\"messages\">Messages</h2>");
        foreach (var (name, schema) in document.Components.Schemas.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            html.Append($"<h3 id=\"{Anchor(name)}\">{HtmlEncode(name)}</h3>");
            if (!string.IsNullOrEmpty(schema.Description)) html.Append($"<p>{HtmlEncode(schema.Description)}</p>");
            if (schema.Enum.Count > 0)
                html.Append("<p>One of: ").AppendJoin(", ", schema.Enum.Select(e => $"<code>{HtmlEncode(EnumValue(e))}</code>")).Append("</p>");
            if (schema.Properties.Count > 0)
            {
                html.Append("<table><thead><tr><th scope=\"col\">Field</th><th scope=\"col\">Type</th><th scope=\"col\">Meaning</th></tr></thead><tbody>");
                foreach (var (field, property) in schema.Properties)
                    html.Append($"<tr><td><code>{HtmlEncode(field)}</code></td><td>{TypeOf(property)}</td><td>{HtmlEncode(property.Description)}</td></tr>");
                html.Append("</tbody></table>");
            }
        }
        html.Append("</main></body></html>");
        return html.ToString();
    }

    private static void Operation(StringBuilder html, string method, string path, OpenApiOperation operation)
    {
        html.Append($"<h3 id=\"{Anchor(operation.OperationId)}\"><code>{method} {HtmlEncode(path)}</code> ({HtmlEncode(operation.OperationId)})</h3>");
        html.Append($"<p>{HtmlEncode(operation.Summary)}</p>");
        if (operation.Parameters.Count > 0)
        {
            html.Append("<table><thead><tr><th scope=\"col\">Parameter</th><th scope=\"col\">In</th><th scope=\"col\">Type</th></tr></thead><tbody>");
            foreach (var parameter in operation.Parameters)
                html.Append($"<tr><td><code>{HtmlEncode(parameter.Name)}</code>{(parameter.Required ? " (required)" : "")}</td><td>{parameter.In.ToString()!.ToLowerInvariant()}</td><td>{TypeOf(parameter.Schema)}</td></tr>");
            html.Append("</tbody></table>");
        }
        if (operation.RequestBody?.Content.Values.FirstOrDefault()?.Schema is { } body)
            html.Append($"<p>Body (JSON): {TypeOf(body)}</p>");
        foreach (var (status, response) in operation.Responses)
            html.Append($"<p>{(status == "default" ? "Error" : status)}: {TypeOf(response.Content.Values.FirstOrDefault()?.Schema)}{(status == "default" ? " — " + HtmlEncode(response.Description) : "")}</p>");
    }

    private static string TypeOf(OpenApiSchema? schema) => schema switch
    {
        null => "none",
        { Reference: { } reference } => $"<a href=\"#{Anchor(reference.Id)}\">{HtmlEncode(reference.Id)}</a>",
        { Type: "array" } => $"list of {TypeOf(schema.Items)}",
        { Format: { } format } => $"{HtmlEncode(schema.Type)} ({HtmlEncode(format)})",
        _ => HtmlEncode(schema.Type ?? "object"),
    };

    private static string EnumValue(Microsoft.OpenApi.Any.IOpenApiAny value) => value switch
    {
        Microsoft.OpenApi.Any.OpenApiString s => s.Value,
        Microsoft.OpenApi.Any.OpenApiInteger i => i.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Anchor(string name) => UrlEncode(name);
}
