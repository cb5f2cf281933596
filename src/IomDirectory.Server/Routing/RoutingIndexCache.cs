using System.Runtime.CompilerServices;
using IomDirectory.Server.ReadModel;

namespace IomDirectory.Server.Routing;

/// <summary>
/// One <see cref="RoutingIndex"/> per view of the org chart, built on first use and kept as long as the view
/// lives (weakly: the cache never keeps a view alive). A new snapshot (a change to the org chart) brings new views, hence new indexes; <see cref="Warm"/>
/// builds today's routing and search indexes before the snapshot is published, so no request pays for them.
/// </summary>
public sealed class RoutingIndexCache(Lexicon lexicon)
{
    private readonly ConditionalWeakTable<DirectoryView, RoutingIndex> _indexes = new();

    public Lexicon Lexicon { get; } = lexicon;

    /// <remarks>
    /// An index lives as long as its view: today's for the snapshot's life, another period's only while its snapshot keeps
    /// that view among the few recent ones. Building one for another period waits for a slot of <see cref="ViewLimits"/>.
    /// </remarks>
    public RoutingIndex For(DirectoryView view) => _indexes.TryGetValue(view, out var index) ? index
        : view.Snapshot.IsToday(view) ? _indexes.GetValue(view, v => new RoutingIndex(v, Lexicon, new UnitWords(v)))
        : ViewLimits.Build(() => _indexes.GetValue(view, v => new RoutingIndex(v, Lexicon, new UnitWords(v))));

    /// <summary>
    /// Builds today's routing and search indexes: the units' texts are read once for both (<see cref="UnitWords"/>),
    /// then the two are built side by side, sharing nothing they write.
    /// </summary>
    public void Warm(DirectorySnapshot snapshot)
    {
        var view = snapshot.At(DateTime.UtcNow);
        var words = new UnitWords(view);
        Parallel.Invoke(() => _indexes.GetValue(view, v => new RoutingIndex(v, Lexicon, words)), () => view.BuildSearch(words));
    }
}
