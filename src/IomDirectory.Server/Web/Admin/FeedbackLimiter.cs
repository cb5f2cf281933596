using System.Threading.RateLimiting;
using IomDirectory.Server.Features.Feedback;

namespace IomDirectory.Server.Web.Admin;

/// <summary>
/// The rate limits of the public forms (System.Threading.RateLimiting, as ASP.NET Core's rate limiter): per client
/// address <c>--Feedback:PerClientPerMinute</c> and for the whole server <c>--Feedback:PerMinute</c>, fixed windows of a
/// minute, no queue (a request over either is refused at once with 429, so a flood holds no memory waiting).
/// Idle per-client windows are dropped by the limiter itself. Behind a proxy, configure forwarded headers so the
/// client address is the person's.
/// </summary>
public sealed class FeedbackLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<HttpContext> _limiter;

    public FeedbackLimiter(FeedbackSettings settings)
    {
        var perClient = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "", _ => Window(settings.PerClientPerMinute)));
        var overall = PartitionedRateLimiter.Create<HttpContext, string>(_ =>
            RateLimitPartition.GetFixedWindowLimiter("", _ => Window(settings.PerMinute)));
        _limiter = PartitionedRateLimiter.CreateChained(perClient, overall);
    }

    /// <summary>Whether this request may be served now.</summary>
    public bool TryAcquire(HttpContext http)
    {
        using var lease = _limiter.AttemptAcquire(http);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();

    private static FixedWindowRateLimiterOptions Window(int permits) => new()
    {
        PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true,
    };
}
