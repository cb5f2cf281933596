using System.Text;
using IomDirectory.Server.Domain;
using IomDirectory.Server.Features.Common;
using IomDirectory.Server.Routing;
using MediatR;
using IomDirectory.Server.Snapshots;
using IomDirectory.Server.Text;

namespace IomDirectory.Server.Features.Search;

/// <summary>
/// What a search box can offer beside the hits, read the way Ask reads a question (the routing index of the same
/// view): the text with its misspelt words corrected ("shleter" → "shelter", the spelling correction Ask uses), and the
/// countries it names or points at through a town, an alias or a nationality ("Mali", "Goma", "Malian"), each with
/// the regional office covering it on that date.
/// </summary>
public sealed record SuggestSearchQuery(string Text, ReadContext Read) : IRequest<InView<SearchSuggestions>>, IReadQuery
{
    public const int MaxCountries = 5;
}

/// <param name="Corrected">The text with its unknown words corrected, or null when nothing was corrected.</param>
public sealed record SearchSuggestions(string? Corrected, IReadOnlyList<(Country Country, OfficeRecord? RegionalOffice)> Countries);

public sealed class SuggestSearchHandler(DirectorySnapshotProvider snapshots, RoutingIndexCache indexes)
    : DirectoryReads(snapshots), IRequestHandler<SuggestSearchQuery, InView<SearchSuggestions>>
{
    public Task<InView<SearchSuggestions>> Handle(SuggestSearchQuery query, CancellationToken cancellationToken)
    {
        var view = ViewFor(query);
        if (query.Text.Trim().Length == 0 || query.Text.Length > Features.Routing.SuggestContactsQuery.MaxQueryLength)
            return Task.FromResult(new InView<SearchSuggestions>(new SearchSuggestions(null, []), view));
        var index = indexes.For(view);
        var analysis = QueryAnalysis.Analyze(query.Text, index, query.Read.Language);
        var countries = analysis.Places.Select(p => p.Country).Concat(analysis.Countries)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(code => view.Snapshot.Countries.ByCode(code)).OfType<Country>()
            .Take(SuggestSearchQuery.MaxCountries)
            .Select(c => (c, view.Coverage.GetValueOrDefault(c.Code) is { } cov ? view.Offices.GetValueOrDefault(cov.RegionalOfficeId) : null))
            .ToList();
        return Task.FromResult(new InView<SearchSuggestions>(new SearchSuggestions(Correct(query.Text, index), countries), view));
    }

    /// <summary>Each word routing would read as another (<see cref="RoutingIndex.Read"/>) replaced by that word; null when none is.</summary>
    public static string? Correct(string text, RoutingIndex index)
    {
        var result = new StringBuilder(text.Length);
        var at = 0;
        var changed = false;
        var tokens = RoutingText.Tokens(text);
        var split = tokens.GroupBy(t => t.Start).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        foreach (var token in tokens)
        {
            if (token.Start < at || split.Contains(token.Start)) continue;   // one written word folded into several: left as typed
            var end = token.Start;
            while (end < text.Length && TextNormalizer.IsWordChar(text[end])) end++;
            var read = index.Read(token.Word);
            if (read.Folded == token.Word.Folded) continue;
            result.Append(text, at, token.Start - at).Append(read.Folded);
            at = end;
            changed = true;
        }
        return changed ? result.Append(text, at, text.Length - at).ToString() : null;
    }
}
