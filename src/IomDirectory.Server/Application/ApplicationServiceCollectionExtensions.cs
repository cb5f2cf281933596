using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace IomDirectory.Server.Application;

/// <summary>
/// Registers MediatR (5.x: handlers, behaviours and the service factory by hand) and the validators. The
/// mediator is scoped: it resolves handlers from the call's request scope.
/// </summary>
public static class ApplicationServiceCollectionExtensions
{
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddScoped<ServiceFactory>(sp => sp.GetService!);
        services.AddScoped<IMediator, Mediator>();
        // Behaviours run in registration order: logging (outermost, so it times everything), authorization (so an
        // anonymous caller learns nothing from validation), the write gate (so validators of a write see a state no
        // other write is changing), then validation.
        // Behaviours and validators are stateless and built once; only authorization depends on the call (its Caller).
        services.AddSingleton(typeof(IPipelineBehavior<,>), typeof(LoggingBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(AuthorizationBehavior<,>));
        services.AddSingleton(typeof(IPipelineBehavior<,>), typeof(Features.Admin.Common.WriteSerializationBehavior<,>));
        services.AddSingleton(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>));
        services.AddScoped<Security.Caller>();
        services.AddSingleton<Features.Admin.Common.WriteGate>();
        services.AddSingleton<Features.Admin.Common.ChangeFeed>();
        services.AddSingleton<Features.Admin.Common.AdminView>();
        services.AddScoped<Features.Admin.Common.DirectoryWriter>();

        var assembly = typeof(ApplicationServiceCollectionExtensions).Assembly;
        foreach (var type in assembly.GetTypes().Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false }))
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType))
            {
                var definition = contract.GetGenericTypeDefinition();
                if (definition == typeof(IValidator<>))
                    services.AddSingleton(contract, type);
                else if (definition == typeof(IRequestHandler<,>))
                    services.AddTransient(contract, type);
            }
        }
        return services;
    }
}
