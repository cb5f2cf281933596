using System.Net;
using System.Text.RegularExpressions;
using IomDirectory.Server.Features.Feedback;
using IomDirectory.Server.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IomDirectory.Server.Tests.Web;

/// <summary>
/// The public forms face the internet: a flood of suggestions from one client is refused by the rate limit and the
/// bounded queue (statuses and stored rows counted), without the server's memory growing; old suggestions are deleted.
/// One real server with small bounds (SQLite, or PostgreSQL in the second pass).
/// </summary>
[TestFixture]
public sealed partial class FeedbackBoundsTests
{
    private const int MaxPending = 3;
    private const int PerClient = 8;
    private RunningServer _server = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _server = await RunningServer.StartAsync(
        "--Feedback:MaxPending", MaxPending.ToString(), "--Feedback:PerClientPerMinute", PerClient.ToString(), "--Feedback:PerMinute", "100000");

    [OneTimeTearDown]
    public async Task StopAsync() => await _server.DisposeAsync();

    [Test]
    public async Task A_flood_of_suggestions_is_refused_by_the_rate_limit_and_the_bounded_queue_without_memory_growth()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = _server.WebAddress };
        var form = await http.GetStringAsync("/suggest?kind=units&id=dhrr&lang=en");
        var token = FormToken().Match(form).Groups[1].Value;
        Assert.That(token, Is.Not.Empty);
        HttpContent Suggestion(int i) => new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["kind"] = "units", ["id"] = "dhrr", ["problem"] = $"flood {i}", ["contact"] = new string('x', 200),
        });

        var statuses = new List<HttpStatusCode>();
        var bodies = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            using var response = await http.PostAsync("/suggest", Suggestion(i));
            statuses.Add(response.StatusCode);
            bodies.Add(await response.Content.ReadAsStringAsync());
        }
        Assert.Multiple(() =>
        {
            Assert.That(statuses.Take(MaxPending), Is.All.EqualTo(HttpStatusCode.Redirect), "stored, then sent to the follow link");
            Assert.That(statuses.Skip(MaxPending).Take(PerClient - MaxPending), Is.All.EqualTo(HttpStatusCode.ServiceUnavailable), "the queue is full");
            Assert.That(bodies[MaxPending], Does.Contain("The review queue is full"));
            Assert.That(statuses.Skip(PerClient), Is.All.EqualTo(HttpStatusCode.TooManyRequests), "over the client's rate");
            Assert.That(bodies[^1], Does.Contain("Too many forms were sent"));
        });
        await using (var db = _server.Store.CreateContext())
            Assert.That(await db.Suggestions.CountAsync(s => s.Kind == Features.Feedback.Suggestion.Correction), Is.EqualTo(MaxPending));

        // Refused requests leave nothing behind: the limiter has no queue, the store is bounded.
        var before = GC.GetTotalMemory(forceFullCollection: true);
        for (var i = 0; i < 500; i++)
        {
            using var response = await http.PostAsync("/suggest", Suggestion(i));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        }
        var grown = GC.GetTotalMemory(forceFullCollection: true) - before;
        Assert.That(grown, Is.LessThan(16 * 1024 * 1024), $"grew {grown / 1024} KB over 500 refused forms");
        await using (var db = _server.Store.CreateContext())
            Assert.That(await db.Suggestions.CountAsync(), Is.EqualTo(MaxPending));
    }

    [Test]
    public async Task A_form_larger_than_any_the_forms_accept_is_refused_unread()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _server.WebAddress };
        var body = new FormUrlEncodedContent(new Dictionary<string, string> { ["kind"] = "units", ["id"] = "dhrr", ["problem"] = new string('x', FeedbackLimits.PublicFormBytes) });
        using var response = await http.PostAsync("/suggest", body);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        using var feedback = await http.PostAsync("/feedback", new ByteArrayContent(new byte[FeedbackLimits.PublicFormBytes + 1]));
        Assert.That(feedback.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
    }

    [Test]
    public async Task Suggestions_past_their_retention_are_deleted()
    {
        await using (var db = _server.Store.CreateContext())
        {
            db.Suggestions.Add(new Features.Feedback.Suggestion { Kind = "feedback", Status = "received", TokenHash = new string('a', 64), Question = "old", CreatedAt = DateTime.UtcNow.AddDays(-181) });
            db.Suggestions.Add(new Features.Feedback.Suggestion { Kind = "feedback", Status = "received", TokenHash = new string('b', 64), Question = "recent", CreatedAt = DateTime.UtcNow.AddDays(-179) });
            await db.SaveChangesAsync();
        }
        var deleted = await _server.Services.GetRequiredService<FeedbackRetention>().DeleteExpiredAsync(CancellationToken.None);
        Assert.That(deleted, Is.EqualTo(1));
        await using (var db = _server.Store.CreateContext())
            Assert.That(await db.Suggestions.Where(s => s.Kind == "feedback").Select(s => s.Question).ToListAsync(), Is.EqualTo(new[] { "recent" }));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();
}
