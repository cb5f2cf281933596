namespace IomDirectory.Grpc;

/// <summary>Thrown by a handler to end the call with a given status; thrown by <see cref="GrpcClient"/> for non-OK calls.</summary>
public class RpcException : Exception
{
    public RpcException(Status status, Metadata? trailers = null)
        : base(status.ToString())
    {
        Status = status;
        Trailers = trailers ?? new Metadata();
    }

    public RpcException(Status status, Metadata? trailers, string message)
        : base(message)
    {
        Status = status;
        Trailers = trailers ?? new Metadata();
    }

    public Status Status { get; }

    public StatusCode StatusCode => Status.StatusCode;

    /// <summary>Trailers sent (server side) or received (client side) with the status.</summary>
    public Metadata Trailers { get; }
}
