using IomDirectory.Server.Application;
using IomDirectory.Server.Infrastructure;
using IomDirectory.Server.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IomDirectory.Server.Features.Feedback;

/// <summary>The review queue: corrections waiting, oldest first (at most <see cref="Shown"/>), with the suggester's contact (editors only).</summary>
public sealed record ListPendingCorrectionsQuery : IRequest<PendingCorrections>, IRequireRole
{
    public const int Shown = 100;
    public string RequiredRole => Roles.Editor;
}

public sealed record PendingCorrections(IReadOnlyList<Suggestion> Items, int Total);

/// <summary>One suggestion, for the edit it opens.</summary>
public sealed record GetSuggestionQuery(long Id) : IRequest<Suggestion>, IRequireRole
{
    public string RequiredRole => Roles.Editor;
}

/// <summary>Rejects a waiting correction, with the reason the suggester will read.</summary>
public sealed record RejectSuggestionCommand(long Id, string Reason) : IRequest<Suggestion>, IRequireRole
{
    public string RequiredRole => Roles.Editor;
}

/// <summary>Marks a correction accepted once the edit it opened is saved (the edit's reason names the suggestion).</summary>
public sealed record MarkSuggestionAcceptedCommand(long Id, long Version) : IRequest<Suggestion>, IRequireRole
{
    public string RequiredRole => Roles.Editor;
}

public sealed class ReviewSuggestionsHandler(DirectoryStore store, CurrentCaller caller, TimeProvider time) :
    IRequestHandler<ListPendingCorrectionsQuery, PendingCorrections>,
    IRequestHandler<GetSuggestionQuery, Suggestion>,
    IRequestHandler<RejectSuggestionCommand, Suggestion>,
    IRequestHandler<MarkSuggestionAcceptedCommand, Suggestion>
{
    public async Task<PendingCorrections> Handle(ListPendingCorrectionsQuery query, CancellationToken cancellationToken)
    {
        await using var db = store.CreateContext();
        var pending = db.Suggestions.AsNoTracking().Where(s => s.Kind == Suggestion.Correction && s.Status == Suggestion.Pending);
        var items = await pending.OrderBy(s => s.Id).Take(ListPendingCorrectionsQuery.Shown).ToListAsync(cancellationToken);
        return new PendingCorrections(items, await pending.CountAsync(cancellationToken));
    }

    public async Task<Suggestion> Handle(GetSuggestionQuery query, CancellationToken cancellationToken)
    {
        await using var db = store.CreateContext();
        return await FindAsync(db, query.Id, cancellationToken);
    }

    public Task<Suggestion> Handle(RejectSuggestionCommand command, CancellationToken cancellationToken) =>
        ReviewAsync(command.Id, Suggestion.Rejected, command.Reason.Trim(), null, cancellationToken);

    public Task<Suggestion> Handle(MarkSuggestionAcceptedCommand command, CancellationToken cancellationToken) =>
        ReviewAsync(command.Id, Suggestion.Accepted, "", command.Version, cancellationToken);

    private async Task<Suggestion> ReviewAsync(long id, string status, string note, long? version, CancellationToken cancellationToken)
    {
        await using var db = store.CreateContext();
        var suggestion = await FindAsync(db, id, cancellationToken);
        if (suggestion.Status != Suggestion.Pending)
            throw new PreconditionFailedException($"suggestion {suggestion.PublicId} was already {suggestion.Status}");
        suggestion.Status = status;
        suggestion.ReviewNote = note;
        suggestion.AcceptedVersion = version;
        suggestion.ReviewedAt = time.GetUtcNow().UtcDateTime;
        suggestion.ReviewedBy = caller.Get().Actor;
        await db.SaveChangesAsync(cancellationToken);
        return suggestion;
    }

    private static async Task<Suggestion> FindAsync(DirectoryDbContext db, long id, CancellationToken cancellationToken) =>
        await db.Suggestions.SingleOrDefaultAsync(s => s.Id == id && s.Kind == Suggestion.Correction, cancellationToken)
        ?? throw new NotFoundException("Suggestion", "S-" + id);
}
