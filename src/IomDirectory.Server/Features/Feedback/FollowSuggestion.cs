using IomDirectory.Server.Application;
using IomDirectory.Server.Infrastructure;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IomDirectory.Server.Features.Feedback;

/// <summary>What the suggester sees through the follow link: the suggestion's state (never who reviewed it).</summary>
public sealed record FollowSuggestionQuery(string Token) : IRequest<Suggestion>;

/// <summary>The suggester deletes what they sent, through the same link.</summary>
public sealed record DeleteSuggestionCommand(string Token) : IRequest<Unit>;

public sealed class FollowSuggestionHandler(DirectoryStore store)
    : IRequestHandler<FollowSuggestionQuery, Suggestion>, IRequestHandler<DeleteSuggestionCommand, Unit>
{
    /// <summary>A token is 43 characters; anything longer is not one of ours.</summary>
    public const int MaxTokenLength = 64;

    public async Task<Suggestion> Handle(FollowSuggestionQuery query, CancellationToken cancellationToken)
    {
        await using var db = store.CreateContext();
        return await FindAsync(db, query.Token, cancellationToken);
    }

    public async Task<Unit> Handle(DeleteSuggestionCommand command, CancellationToken cancellationToken)
    {
        await using var db = store.CreateContext();
        db.Suggestions.Remove(await FindAsync(db, command.Token, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    private static async Task<Suggestion> FindAsync(DirectoryDbContext db, string token, CancellationToken cancellationToken)
    {
        var hash = token.Length is > 0 and <= MaxTokenLength ? SuggestionInbox.Hash(token) : "";
        return await db.Suggestions.SingleOrDefaultAsync(s => s.TokenHash == hash, cancellationToken)
               ?? throw new NotFoundException("Suggestion", "(link)");
    }
}
