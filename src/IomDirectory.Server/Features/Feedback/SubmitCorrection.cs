using System.Security.Cryptography;
using IomDirectory.Server.Infrastructure;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IomDirectory.Server.Features.Feedback;

/// <summary>"Suggest a correction" on a record: anonymous or signed in. Answers the follow link's token (shown once).</summary>
public sealed record SubmitCorrectionCommand(string RecordKind, string RecordId, string Field, string Problem, string ProposedValue,
    string Source, string Contact, string SubmittedBy) : IRequest<SubmittedSuggestion>;

/// <summary>A stored suggestion and the token of its follow link (only its hash is stored).</summary>
public sealed record SubmittedSuggestion(long Id, string Token);

public sealed class SubmitCorrectionHandler(SuggestionInbox inbox) : IRequestHandler<SubmitCorrectionCommand, SubmittedSuggestion>
{
    public Task<SubmittedSuggestion> Handle(SubmitCorrectionCommand c, CancellationToken cancellationToken) =>
        inbox.AddAsync(new Suggestion
        {
            Kind = Suggestion.Correction, Status = Suggestion.Pending, RecordKind = c.RecordKind, RecordId = c.RecordId,
            Field = c.Field.Trim(), Problem = c.Problem.Trim(), ProposedValue = c.ProposedValue.Trim(), Source = c.Source.Trim(),
            Contact = c.Contact.Trim(), SubmittedBy = c.SubmittedBy,
        }, cancellationToken);
}

/// <summary>
/// Where suggestions and feedback are stored: one at a time per server, so the count of waiting ones checked before
/// the insert is the count the insert makes bigger (the queue's bound is exact on one server; replicas may each add
/// their last one).
/// </summary>
public sealed class SuggestionInbox(DirectoryStore store, FeedbackSettings settings, TimeProvider time)
{
    private readonly SemaphoreSlim _one = new(1, 1);

    public async Task<SubmittedSuggestion> AddAsync(Suggestion suggestion, CancellationToken cancellationToken)
    {
        var token = Base64UrlToken();
        suggestion.TokenHash = Hash(token);
        suggestion.CreatedAt = time.GetUtcNow().UtcDateTime;
        await _one.WaitAsync(cancellationToken);
        try
        {
            await using var db = store.CreateContext();
            var (status, bound) = suggestion.Kind == Suggestion.Correction
                ? (Suggestion.Pending, settings.MaxPending) : (Suggestion.Received, settings.MaxFeedback);
            var waiting = await db.Suggestions.CountAsync(s => s.Kind == suggestion.Kind && s.Status == status, cancellationToken);
            if (waiting >= bound)
                throw new FeedbackQueueFullException($"{waiting} {suggestion.Kind}s are waiting, the most this directory keeps");
            db.Suggestions.Add(suggestion);
            await db.SaveChangesAsync(cancellationToken);
            return new SubmittedSuggestion(suggestion.Id, token);
        }
        finally
        {
            _one.Release();
        }
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    /// <summary>256 random bits: the follow link cannot be guessed.</summary>
    private static string Base64UrlToken() => System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
}
