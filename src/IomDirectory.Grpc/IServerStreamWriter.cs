namespace IomDirectory.Grpc;

/// <summary>Writes response messages of a streaming call. One write at a time.</summary>
public interface IServerStreamWriter<in T>
{
    Task WriteAsync(T message, CancellationToken cancellationToken = default);
}
