using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace IomDirectory.Server.Application;

/// <summary>
/// Registers the request pipeline (MediatR requests, behaviours and handlers, sent by <see cref="RequestPipelines"/>)
/// and the validators. Everything is a singleton: handlers and behaviours are stateless, the caller of the call in
/// progress comes from <see cref="Security.CurrentCaller"/>, and a write opens its own database context; so a call
/// needs no DI scope and each request type's chain is built once.
/// </summary>
public static class ApplicationServiceCollectionExtensions
{
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddSingleton<RequestPipelines>();
        // Behaviours run in registration order: logging (outermost, so it times everything), authorization (so an
        // anonymous caller learns nothing from validation), the write gate (so validators of a write see a state no
        // other write, on any replica, is changing), then validation.
        services.AddSingleton(typeof(IPipelineBehavior<,>), typeof(LoggingBehavior<,>));
        services.AddSingleton(typeof(IPipelineBehavior<,>), typeof(AuthorizationBehavior<,>));
        services.AddSingleton(typeof(IPipelineBehavior<,>), typeof(Changes.WriteSerializationBehavior<,>));
        services.AddSingleton(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>));
        services.AddSingleton<Security.CurrentCaller>();
        services.AddSingleton<Changes.WriteGate>();
        services.AddSingleton<Changes.ChangeFeed>();
        services.AddSingleton<Features.Admin.Common.AdminView>();
        services.AddSingleton<Changes.DirectoryWriter>();
        services.AddSingleton<Changes.ChangeFollower>();
        services.AddHostedService<Changes.ChangeFollowerService>();
        services.AddSingleton(sp => new Features.Admin.Gaps.FirstSuggestionCounter(TimeProvider.System));
        services.AddSingleton<Features.Admin.Gaps.FirstSuggestionFlusher>();
        services.AddHostedService(sp => sp.GetRequiredService<Features.Admin.Gaps.FirstSuggestionFlusher>());

        var assembly = typeof(ApplicationServiceCollectionExtensions).Assembly;
        foreach (var type in assembly.GetTypes().Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false }))
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType))
            {
                var definition = contract.GetGenericTypeDefinition();
                if (definition == typeof(IValidator<>) || definition == typeof(IRequestHandler<,>))
                    services.AddSingleton(contract, type);
            }
        }
        return services;
    }
}
