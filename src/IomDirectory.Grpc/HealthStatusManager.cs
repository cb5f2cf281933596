using System.Threading.Channels;

namespace IomDirectory.Grpc;

/// <summary>
/// Serving status per service name for grpc.health.v1.Health ("" is the whole server). A DI singleton once
/// <see cref="IGrpcServerBuilder.AddHealthChecks"/> is called; registered services become SERVING when the application
/// has started and NOT_SERVING when it stops.
/// </summary>
public sealed class HealthStatusManager
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, ServingStatus> _statuses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Channel<ServingStatus>>> _watchers = new(StringComparer.Ordinal);
    private bool _shutDown;

    public void SetStatus(string service, ServingStatus status)
    {
        ArgumentNullException.ThrowIfNull(service);
        lock (_lock)
        {
            _statuses[service] = status;
            Notify(service, status);
        }
    }

    /// <summary>Forgets a service: Check answers NOT_FOUND and watchers see SERVICE_UNKNOWN.</summary>
    public void ClearStatus(string service)
    {
        lock (_lock)
        {
            if (_statuses.Remove(service))
            {
                Notify(service, ServingStatus.ServiceUnknown);
            }
        }
    }

    public bool TryGetStatus(string service, out ServingStatus status)
    {
        lock (_lock)
        {
            return _statuses.TryGetValue(service, out status);
        }
    }

    public IReadOnlyDictionary<string, ServingStatus> GetAll()
    {
        lock (_lock)
        {
            return new Dictionary<string, ServingStatus>(_statuses, StringComparer.Ordinal);
        }
    }

    /// <summary>Sets every known service NOT_SERVING and ends all watches (server shutdown).</summary>
    internal void EnterShutdown()
    {
        lock (_lock)
        {
            _shutDown = true;
            foreach (var service in _statuses.Keys.ToList())
            {
                _statuses[service] = ServingStatus.NotServing;
                Notify(service, ServingStatus.NotServing);
            }

            foreach (var list in _watchers.Values)
            {
                foreach (var channel in list)
                {
                    channel.Writer.TryComplete();
                }
            }

            _watchers.Clear();
        }
    }

    /// <summary>A channel that yields the current status at once, then the latest status after each change.</summary>
    internal Channel<ServingStatus> Watch(string service)
    {
        var channel = Channel.CreateBounded<ServingStatus>(new BoundedChannelOptions(1)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        lock (_lock)
        {
            channel.Writer.TryWrite(_statuses.TryGetValue(service, out var status) ? status : ServingStatus.ServiceUnknown);
            if (_shutDown)
            {
                channel.Writer.TryComplete();
                return channel;
            }

            if (!_watchers.TryGetValue(service, out var list))
            {
                _watchers[service] = list = [];
            }

            list.Add(channel);
        }

        return channel;
    }

    internal void Unwatch(string service, Channel<ServingStatus> channel)
    {
        lock (_lock)
        {
            if (_watchers.TryGetValue(service, out var list))
            {
                list.Remove(channel);
            }
        }
    }

    private void Notify(string service, ServingStatus status)
    {
        if (_watchers.TryGetValue(service, out var list))
        {
            foreach (var channel in list)
            {
                channel.Writer.TryWrite(status);
            }
        }
    }
}
