using System.Runtime.CompilerServices;
using IomDirectory.Server.Features.Common;
using IomDirectory.Server.Routing;

namespace IomDirectory.Server.Features.Routing;

/// <summary>
/// SuggestContacts answers per routing index, keyed by the question as asked (query, asker country, language hint,
/// max results). An index belongs to one view of one snapshot and never changes, and the answer is a pure function
/// of the index and the question, so a cached answer is the one routing would give; a write brings a new snapshot,
/// hence new views and indexes with empty caches. Helpdesk tools ask the same questions again and again. At most
/// <c>capacity</c> answers per index (setting <c>Routing:AnswerCacheSize</c>, 0 = off).
/// </summary>
public sealed class RoutingAnswerCache(int capacity)
{
    public const int DefaultCapacity = 1024;

    private readonly ConditionalWeakTable<RoutingIndex, BoundedCache<(string Query, string AskerCountry, string Language, int MaxResults), RoutingResult>> _indexes = new();

    /// <summary>False when answers are computed every time (capacity 0).</summary>
    public bool Remembers => capacity > 0;

    public RoutingResult GetOrRoute<TArgument>(RoutingIndex index, SuggestContactsQuery query, Func<TArgument, RoutingResult> route, TArgument argument)
    {
        if (!_indexes.TryGetValue(index, out var answers))
            answers = _indexes.GetValue(index, _ => new(capacity));
        return answers.GetOrAdd((query.Query, query.AskerCountry, query.Read.Language, query.MaxResults), route, argument);
    }
}
