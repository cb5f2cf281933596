using System.Diagnostics;
using System.Net.Http.Headers;
using IomDirectory.Server.Domain;
using IomDirectory.Server.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IomDirectory.Server.Webhooks.Internal;

/// <summary>
/// One round of deliveries to one subscriber: take its lease (one replica at a time), read the next changes after its
/// cursor, and POST them one by one in sequence order. The cursor moves past a change only once the subscriber
/// answered 2xx (or the change is not of its kinds), in the same transaction that records the attempt and renews the
/// lease, and only while this replica still holds the lease: at least once, in order, whatever crashes when. A failed
/// attempt ends the round and schedules the next one with exponential backoff; a subscriber failing for
/// <see cref="WebhookOptions.DisableAfter"/> without a success is disabled.
/// </summary>
internal sealed partial class SubscriberDelivery(DirectoryStore store, WebhookOptions options, WebhookTargets targets, HttpClient http, string replica,
    ILogger logger)
{
    private readonly record struct Outcome(bool Delivered, int StatusCode, string Error, double Milliseconds, TimeSpan? RetryAfter);

    /// <summary>
    /// Delivers what is waiting, up to a batch; true when it made progress, so more may be waiting (a full batch, or
    /// changes committed while it delivered: the dispatcher's wake-up for them may have come while this ran).
    /// </summary>
    public async Task<bool> RunAsync(string id, CancellationToken cancellationToken)
    {
        if (!await AcquireAsync(id, cancellationToken)) return false;
        try
        {
            WebhookSubscription? subscriber;
            List<AuditEventRecord> batch;
            await using (var db = store.CreateContext())
            {
                subscriber = await db.WebhookSubscriptions.AsNoTracking().SingleOrDefaultAsync(w => w.Id == id, cancellationToken);
                if (subscriber is null || !subscriber.Enabled) return false;
                var after = subscriber.DeliveredSequence;
                batch = await db.AuditEvents.AsNoTracking().Where(e => e.Sequence > after).OrderBy(e => e.Sequence)
                    .Take(WebhookOptions.BatchSize).ToListAsync(cancellationToken);
            }
            var kinds = WebhookKinds.Parse(subscriber.Kinds);
            var key = WebhookSignature.KeyOf(subscriber.Secret) ?? throw new InvalidOperationException($"Webhook subscriber {id} has no valid secret.");
            var cursor = subscriber.DeliveredSequence;
            foreach (var change in batch)
            {
                if (kinds.Count > 0 && !kinds.Contains(change.EntityKind))
                {
                    cursor = change.Sequence;   // not of its kinds: passed over, recorded with the next attempt or at the end
                    continue;
                }
                var outcome = await PostAsync(subscriber, key, change, cancellationToken);
                if (!await RecordAsync(subscriber, change, cursor, outcome, cancellationToken) || !outcome.Delivered) return false;
                cursor = change.Sequence;
            }
            if (cursor > subscriber.DeliveredSequence)
                await AdvanceAsync(id, cursor, cancellationToken);
            return batch.Count > 0;
        }
        finally
        {
            await ReleaseAsync(id);
        }
    }

    private async Task<bool> AcquireAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = store.CreateContext();
        var now = DateTime.UtcNow;
        var until = now + options.Lease;
        return await db.WebhookSubscriptions
            .Where(w => w.Id == id && w.Enabled && (w.LeaseUntil == null || w.LeaseUntil < now || w.LeaseOwner == replica))
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.LeaseOwner, replica).SetProperty(w => w.LeaseUntil, until), cancellationToken) == 1;
    }

    private async Task ReleaseAsync(string id)
    {
        try
        {
            await using var db = store.CreateContext();
            await db.WebhookSubscriptions.Where(w => w.Id == id && w.LeaseOwner == replica)
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.LeaseOwner, "").SetProperty(w => w.LeaseUntil, (DateTime?)null));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogReleaseFailed(logger, ex, id);   // the lease runs out by itself
        }
    }

    private async Task AdvanceAsync(string id, long cursor, CancellationToken cancellationToken)
    {
        await using var db = store.CreateContext();
        await db.WebhookSubscriptions.Where(w => w.Id == id && w.LeaseOwner == replica && w.DeliveredSequence < cursor)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.DeliveredSequence, cursor), cancellationToken);
    }

    private async Task<Outcome> PostAsync(WebhookSubscription subscriber, byte[] key, AuditEventRecord change, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        double Elapsed() => Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (targets.Refusal(subscriber.Url) is { } refusal)
            return new Outcome(false, 0, "The URL is no longer allowed: " + refusal, 0, null);
        var body = WebhookPayload.Of(change, options.MaxPayloadBytes);
        var messageId = WebhookPayload.IdOf(change);
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, subscriber.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add("webhook-id", messageId);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSignature.Sign(key, messageId, timestamp, body));
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode) return new Outcome(true, status, "", Elapsed(), null);
            return new Outcome(false, status, $"The subscriber answered {status} {response.ReasonPhrase}", Elapsed(), RetryAfter(response));
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return new Outcome(false, 0, Describe(ex), Elapsed(), null);
        }
    }

    /// <summary>
    /// Records an attempt: the attempt itself (keeping the latest <see cref="WebhookOptions.KeptDeliveries"/>), and the
    /// subscriber's state, only while this replica holds its lease. False when it no longer does (stop: another
    /// replica delivers now).
    /// </summary>
    private async Task<bool> RecordAsync(WebhookSubscription subscriber, AuditEventRecord change, long passedOver, Outcome outcome,
        CancellationToken cancellationToken)
    {
        var now = DateTime.UtcNow;
        var attempt = subscriber.FailedAttempts + 1;
        await using var db = store.CreateContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var mine = db.WebhookSubscriptions.Where(w => w.Id == subscriber.Id && w.LeaseOwner == replica);
        int updated;
        if (outcome.Delivered)
        {
            var until = now + options.Lease;
            updated = await mine.ExecuteUpdateAsync(s => s
                .SetProperty(w => w.DeliveredSequence, change.Sequence).SetProperty(w => w.LastDeliveredAt, now)
                .SetProperty(w => w.FailedAttempts, 0).SetProperty(w => w.FailingSince, (DateTime?)null).SetProperty(w => w.LastError, "")
                .SetProperty(w => w.NextAttemptAt, now).SetProperty(w => w.LeaseUntil, until), cancellationToken);
            subscriber.FailedAttempts = 0;
            subscriber.FailingSince = null;
        }
        else
        {
            var failingSince = subscriber.FailingSince ?? now;
            var disable = now - failingSince >= options.DisableAfter;
            var next = now + Backoff(attempt, outcome.RetryAfter);
            var reason = disable ? $"Disabled on {now:u}: every delivery failed since {failingSince:u} (last: {outcome.Error})" : "";
            var error = Clip(outcome.Error);
            updated = await mine.ExecuteUpdateAsync(s => s
                .SetProperty(w => w.DeliveredSequence, passedOver).SetProperty(w => w.FailedAttempts, attempt)
                .SetProperty(w => w.FailingSince, failingSince).SetProperty(w => w.LastError, error).SetProperty(w => w.NextAttemptAt, next)
                .SetProperty(w => w.Enabled, !disable).SetProperty(w => w.DisabledReason, reason), cancellationToken);
            if (updated == 1)
            {
                if (disable) LogDisabled(logger, subscriber.Id, subscriber.Url, failingSince, outcome.Error);
                else LogAttemptFailed(logger, subscriber.Id, change.Sequence, attempt, outcome.Error, next);
            }
        }
        if (updated != 1) return false;
        db.WebhookDeliveries.Add(new WebhookDeliveryRecord
        {
            SubscriptionId = subscriber.Id, Sequence = change.Sequence, At = now, Attempt = attempt, StatusCode = outcome.StatusCode,
            Delivered = outcome.Delivered, Error = Clip(outcome.Error), Milliseconds = outcome.Milliseconds,
        });
        await db.SaveChangesAsync(cancellationToken);
        var id = subscriber.Id;
        await db.Database.ExecuteSqlAsync($"""
            DELETE FROM "WebhookDeliveries" WHERE "SubscriptionId" = {id} AND "Id" <=
              (SELECT "Id" FROM "WebhookDeliveries" WHERE "SubscriptionId" = {id} ORDER BY "Id" DESC LIMIT 1 OFFSET {WebhookOptions.KeptDeliveries})
            """, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>The first retry delay doubled per further failure, ±20% jitter, at most the maximum; longer if the subscriber asked (Retry-After).</summary>
    private TimeSpan Backoff(int attempt, TimeSpan? retryAfter)
    {
        var doubled = options.FirstRetryDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30));
        var delay = TimeSpan.FromMilliseconds(Math.Min(doubled, options.MaxRetryDelay.TotalMilliseconds) * (0.8 + 0.4 * Random.Shared.NextDouble()));
        if (retryAfter is { } asked && asked > delay) delay = asked;
        return delay > options.MaxRetryDelay ? options.MaxRetryDelay : delay;
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - DateTimeOffset.UtcNow,
            _ => null,
        };

    private static string Describe(Exception ex) => ex switch
    {
        TaskCanceledException or TimeoutException or Polly.Timeout.TimeoutRejectedException => "No answer within the timeout",
        HttpRequestException { InnerException: { } inner } http => $"{http.Message} ({inner.Message})",
        _ => ex.Message,
    };

    private static string Clip(string text) => text.Length <= WebhookOptions.MaxErrorLength ? text : text[..WebhookOptions.MaxErrorLength];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook subscriber {Id}: change {Sequence} not delivered (attempt {Attempt}): {Error}; next attempt at {Next:u}")]
    private static partial void LogAttemptFailed(ILogger logger, string id, long sequence, int attempt, string error, DateTime next);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook subscriber {Id} ({Url}) disabled: every delivery failed since {Since:u} (last: {Error}). " +
        "An admin re-enables it with EnableWebhook (iomdir webhooks enable); it then resumes after its last delivered change")]
    private static partial void LogDisabled(ILogger logger, string id, string url, DateTime since, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Releasing the lease of webhook subscriber {Id} failed; it runs out by itself")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception, string id);
}
