using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IomDirectory.Server.Features.Feedback;

public static class FeedbackServiceCollectionExtensions
{
    /// <summary>The suggestion store, its bounds and its retention (handlers and validators are registered by AddApplication).</summary>
    public static IServiceCollection AddDirectoryFeedback(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(FeedbackSettings.From(configuration));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SuggestionInbox>();
        services.AddSingleton<FeedbackRetention>();
        services.AddHostedService(sp => sp.GetRequiredService<FeedbackRetention>());
        return services;
    }
}
