namespace IomDirectory.Server.Snapshots;

/// <summary>The few most recently used views of a snapshot other than today's, by period; least recently used leave first.</summary>
internal sealed class RecentViews(int capacity)
{
    private readonly Lock _lock = new();
    private readonly LinkedList<(int Period, DirectoryView View)> _views = new();

    public int Count
    {
        get { lock (_lock) return _views.Count; }
    }

    public DirectoryView? Get(int period)
    {
        lock (_lock)
        {
            for (var node = _views.First; node is not null; node = node.Next)
            {
                if (node.Value.Period != period) continue;
                _views.Remove(node);
                _views.AddFirst(node);
                return node.Value.View;
            }
            return null;
        }
    }

    /// <summary>Keeps the view, unless another call kept one for the period meanwhile (then that one is returned).</summary>
    public DirectoryView Keep(int period, DirectoryView view)
    {
        if (capacity == 0) return view;
        lock (_lock)
        {
            foreach (var (p, kept) in _views)
                if (p == period) return kept;
            _views.AddFirst((period, view));
            while (_views.Count > capacity) _views.RemoveLast();
            return view;
        }
    }
}
