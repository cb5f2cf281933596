using IomDirectory.Server.Features.Common;
using MediatR;
using IomDirectory.Server.Snapshots;
using IomDirectory.Server.Search;

namespace IomDirectory.Server.Features.Search;

public sealed record SearchDirectoryQuery(string Text, IReadOnlyList<string> Kinds, PageRequest Page, ReadContext Read)
    : IRequest<InView<SearchResults>>, IReadQuery;

/// <summary>A page of hits, and the words the search looked for (the glossary's expansions included): what a page highlights.</summary>
public sealed record SearchResults(Paged<SearchIndex.Hit> Page, IReadOnlyList<string> Terms);

/// <remarks>Acronyms of the routing glossary (data/lexicon/glossary.json) are read with their expansions: "SMAPS" finds
/// the Mental Health and Psychosocial Support Unit.</remarks>
public sealed class SearchDirectoryHandler(DirectorySnapshotProvider snapshots, IomDirectory.Server.Routing.RoutingIndexCache routing)
    : DirectoryReads(snapshots), IRequestHandler<SearchDirectoryQuery, InView<SearchResults>>
{
    public static readonly string[] Kinds = ["office", "unit", "mailbox", "focal_point", "committee"];

    public Task<InView<SearchResults>> Handle(SearchDirectoryQuery query, CancellationToken cancellationToken)
    {
        var view = ViewFor(query);
        var size = query.Page.SizeOr(20);
        var text = routing.Lexicon.Glossary.Expand(query.Text);
        var found = view.Search.Find(text, query.Kinds.ToHashSet(StringComparer.Ordinal), (int)Math.Min((long)query.Page.Offset + size, int.MaxValue));
        return Task.FromResult(new InView<SearchResults>(new SearchResults(Page(found, query.Page.Offset, size), SearchIndex.QueryTerms(text)), view));
    }

    /// <summary>The page of the ranking that starts at <paramref name="offset"/>, from the best hits up to its end.</summary>
    private static Paged<SearchIndex.Hit> Page(SearchIndex.Found found, int offset, int size)
    {
        var start = Math.Min(offset, found.Total);
        var items = found.Best.Skip(start).Take(size).ToList();
        var next = start + items.Count < found.Total ? PageRequest.Encode(start + items.Count) : "";
        return new Paged<SearchIndex.Hit>(items, next, found.Total);
    }
}
