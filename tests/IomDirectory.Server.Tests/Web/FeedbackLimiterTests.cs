using System.Net;
using IomDirectory.Server.Features.Feedback;
using IomDirectory.Server.Web.Admin;
using Microsoft.AspNetCore.Http;

namespace IomDirectory.Server.Tests.Web;

/// <summary>The public forms' rate limits: per client address, and for the whole server.</summary>
[TestFixture]
public sealed class FeedbackLimiterTests
{
    private static DefaultHttpContext From(string address) => new() { Connection = { RemoteIpAddress = IPAddress.Parse(address) } };

    [Test]
    public void A_client_over_its_rate_is_refused_and_others_are_served_until_the_overall_rate()
    {
        using var limiter = new FeedbackLimiter(new FeedbackSettings(MaxPending: 1, MaxFeedback: 1, RetentionDays: 1, PerClientPerMinute: 2, PerMinute: 3));
        Assert.Multiple(() =>
        {
            Assert.That(limiter.TryAcquire(From("203.0.113.1")), Is.True);
            Assert.That(limiter.TryAcquire(From("203.0.113.1")), Is.True);
            Assert.That(limiter.TryAcquire(From("203.0.113.1")), Is.False, "over the client's rate");
            Assert.That(limiter.TryAcquire(From("203.0.113.2")), Is.True, "another client is served");
            Assert.That(limiter.TryAcquire(From("203.0.113.3")), Is.False, "over the overall rate");
        });
    }
}
