using System.Collections.Concurrent;

namespace IomDirectory.Grpc.Tests.Infrastructure;

/// <summary>What the test handlers observed, keyed by an id the test chooses.</summary>
public sealed class TestState
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _tokensFired = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _started = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _gates = new();

    /// <summary>Completed when the handler's CancellationToken for this id fired.</summary>
    public TaskCompletionSource TokenFired(string id) => _tokensFired.GetOrAdd(id, _ => NewSource());

    /// <summary>Completed when the handler for this id started.</summary>
    public TaskCompletionSource Started(string id) => _started.GetOrAdd(id, _ => NewSource());

    /// <summary>Completed by the test to let a gated handler finish.</summary>
    public TaskCompletionSource Gate(string id) => _gates.GetOrAdd(id, _ => NewSource());

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
