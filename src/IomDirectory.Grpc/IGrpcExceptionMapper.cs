namespace IomDirectory.Grpc;

/// <summary>
/// Application-provided (optional, registered in DI): turns a handler's exception into a status.
/// Return null to fall back to INTERNAL with a correlation id. <see cref="RpcException"/> and
/// cancellations never reach the mapper.
/// </summary>
public interface IGrpcExceptionMapper
{
    RpcException? Map(Exception exception, ServerCallContext context);
}
