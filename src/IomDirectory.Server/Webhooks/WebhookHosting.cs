using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace IomDirectory.Server.Webhooks;

/// <summary>The webhooks' services: options, target checks, the delivery client and the dispatcher.</summary>
public static class WebhookHosting
{
    public static IServiceCollection AddDirectoryWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        var options = WebhookOptions.From(configuration);
        services.AddSingleton(options);
        services.AddSingleton(new WebhookTargets(options));
        services.AddHttpClient(WebhookDispatcher.HttpClientName, client =>
            {
                client.Timeout = options.Timeout + TimeSpan.FromSeconds(1);   // the resilience pipeline's timeout comes first
                client.DefaultRequestHeaders.UserAgent.ParseAdd("IomDirectory-Webhooks/1.0");
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,   // an allowed host must not bounce a delivery to another address
                UseCookies = false,
                UseProxy = false,
                ConnectTimeout = options.Timeout,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                MaxConnectionsPerServer = 4,
                MaxResponseHeadersLength = 64,   // KiB: only the status and Retry-After are read
                AutomaticDecompression = DecompressionMethods.None,
            })
            // Quick retries of a transient failure within one attempt (a dropped connection, a 503 during a
            // subscriber's deploy); longer outages are the durable backoff's (SubscriberDelivery), across rounds.
            .AddResilienceHandler("webhook-delivery", pipeline =>
            {
                pipeline.AddTimeout(options.Timeout);
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = 2,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = TimeSpan.FromMilliseconds(200),
                    ShouldRetryAfterHeader = false,   // a subscriber's Retry-After is honoured by the durable schedule instead
                });
            });
        services.AddSingleton<WebhookDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookDispatcher>());
        return services;
    }
}
