using System.Threading.Channels;
using IomDirectory.Server.Domain;

namespace IomDirectory.Server.Changes;

/// <summary>
/// Fans committed changes out to live watchers, in sequence order (<see cref="ChangeFollower"/> publishes each once, in order).
/// A watcher that falls too far behind is dropped; it resumes from the store with its last sequence.
/// </summary>
public sealed class ChangeFeed
{
    private const int WatcherCapacity = 10_000;
    private readonly Lock _lock = new();
    private readonly List<Channel<AuditEventRecord>> _watchers = [];

    public ChannelReader<AuditEventRecord> Subscribe(out IDisposable subscription)
    {
        var channel = Channel.CreateBounded<AuditEventRecord>(new BoundedChannelOptions(WatcherCapacity) { SingleReader = true });
        lock (_lock) _watchers.Add(channel);
        subscription = new Subscription(this, channel);
        return channel.Reader;
    }

    public void Publish(IReadOnlyList<AuditEventRecord> events)
    {
        if (events.Count == 0) return;
        lock (_lock)
        {
            for (var i = _watchers.Count - 1; i >= 0; i--)
            {
                var watcher = _watchers[i];
                if (events.Any(e => !watcher.Writer.TryWrite(e)))
                {
                    watcher.Writer.TryComplete(new InvalidOperationException("The watcher fell too far behind; resume from the last sequence seen."));
                    _watchers.RemoveAt(i);
                }
            }
        }
    }

    private void Remove(Channel<AuditEventRecord> channel)
    {
        lock (_lock) _watchers.Remove(channel);
        channel.Writer.TryComplete();
    }

    private sealed class Subscription(ChangeFeed feed, Channel<AuditEventRecord> channel) : IDisposable
    {
        public void Dispose() => feed.Remove(channel);
    }
}
