using System.Runtime.CompilerServices;
using IomDirectory.Server.Snapshots;

namespace IomDirectory.Server.Features.Common;

/// <summary>
/// What requests computed on a view, kept with the view: one bounded cache per view (today's of a snapshot, or a
/// date's), keyed by the request, for the routing answer a question gets and the messages the transports make of an
/// answer or a unit (encoded once: <c>PreEncodedResponses.Remember</c>). A view and all that is derived from it never
/// change (a write brings a new snapshot, hence new views; today's indexes merged in the background answer exactly as
/// before), so a kept value is the one the request would compute again, and it goes when its view goes. At most
/// <c>capacity</c> entries per view (setting <c>ReadModel:ResponseCacheSize</c>, 0 = off). Helpdesk tools ask the same
/// questions and units again and again.
/// </summary>
public sealed class ResponseCache(int capacity)
{
    public const int DefaultCapacity = 4096;

    private readonly ConditionalWeakTable<DirectoryView, BoundedCache<ResponseKey, object>> _views = new();

    /// <summary>The value of <paramref name="key"/> on <paramref name="view"/>, computed by <paramref name="create"/> when not kept.</summary>
    public T GetOrAdd<T, TArgument>(DirectoryView view, ResponseKey key, Func<TArgument, T> create, TArgument argument) where T : class
    {
        if (capacity == 0) return create(argument);
        if (!_views.TryGetValue(view, out var cache))
            cache = _views.GetValue(view, _ => new(capacity));
        return (T)cache.GetOrAdd(key, static a => (object)a.create(a.argument), (create, argument));
    }
}

/// <summary>A request as a cache key: what it is (a method, or what of it is kept) and the fields its answer depends on.</summary>
public readonly record struct ResponseKey(string Kind, string First, string Second = "", string Third = "", int Number = 0);
