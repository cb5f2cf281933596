namespace IomDirectory.Grpc;

/// <summary>Reads request messages of a client- or bidi-streaming call.</summary>
public interface IAsyncStreamReader<out T>
{
    /// <summary>The message read by the last successful <see cref="MoveNext"/>.</summary>
    T Current { get; }

    /// <summary>Reads the next message; false at the end of the request stream.</summary>
    Task<bool> MoveNext(CancellationToken cancellationToken = default);
}
