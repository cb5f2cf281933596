namespace IomDirectory.Server.Integrations;

/// <summary>
/// What helpdesk tools and widgets on other origins use: the OpenAPI document (<see cref="OpenApiEndpoint"/>) and
/// its reference page (<see cref="ApiReferencePage"/>),
/// CORS (<see cref="CrossOrigin"/>) and HEAD (<see cref="HeadRequests"/>).
/// </summary>
internal static class IntegrationHosting
{
    public static IServiceCollection AddDirectoryIntegrations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDirectoryOpenApi();
        services.AddSingleton<ApiReferencePage>();
        services.AddDirectoryCors(CrossOrigin.Origins(configuration));
        return services;
    }

    public static void MapDirectoryIntegrations(this WebApplication app)
    {
        app.MapDirectoryOpenApi().WithMetadata(CrossOrigin.OpenApiDocumentMarker.Instance);
        app.MapGet(ApiReferencePage.Path, (HttpContext http, ApiReferencePage page) => page.Serve(http));
    }
}
