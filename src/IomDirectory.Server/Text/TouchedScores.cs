namespace IomDirectory.Server.Text;

/// <summary>An entry of <see cref="TouchedScores{T}"/>: it belongs to the query whose stamp it carries.</summary>
public interface IStamped
{
    int Stamp { get; set; }
}

/// <summary>
/// Running scores of one query over every document (or unit) of an index, and the ones touched, in the order first
/// touched. An entry counts only if it carries the current stamp, so <see cref="Clear"/> is a new stamp rather than
/// a pass over everything touched, and a posting's update stays within one entry.
/// </summary>
public sealed class TouchedScores<T>(int count) where T : struct, IStamped
{
    private readonly T[] _entries = new T[count];
    private int _stamp = 1;

    /// <summary>Indexes of the entries touched, in the order first touched.</summary>
    public List<int> Touched { get; } = [];

    /// <summary>The entry, started at its default (and listed) on first touch.</summary>
    public ref T this[int index]
    {
        get
        {
            ref var entry = ref _entries[index];
            if (entry.Stamp != _stamp)
            {
                entry = default;
                entry.Stamp = _stamp;
                Touched.Add(index);
            }
            return ref entry;
        }
    }

    /// <summary>Whether the entry was touched by the current query.</summary>
    public bool IsTouched(int index) => _entries[index].Stamp == _stamp;

    /// <summary>A touched entry (see <see cref="IsTouched"/>), as it stands.</summary>
    public ref T Existing(int index) => ref _entries[index];

    public void Clear()
    {
        Touched.Clear();
        if (++_stamp < int.MaxValue) return;
        Array.Clear(_entries);
        _stamp = 1;
    }
}
