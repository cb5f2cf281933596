using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using IomDirectory.Grpc.Internal;

namespace IomDirectory.Grpc;

/// <summary>
/// Rich error model: a google.rpc.Status carried in the grpc-status-details-bin trailer, with packed details
/// such as google.rpc.BadRequest.
/// </summary>
public static class GrpcStatusDetails
{
    /// <summary>Trailer key of the serialized google.rpc.Status.</summary>
    public const string TrailerKey = GrpcProtocol.StatusDetailsHeader;

    /// <summary>An exception whose trailers carry a google.rpc.Status with the same code and message plus the details.</summary>
    public static RpcException CreateException(StatusCode code, string message, params IMessage[] details)
    {
        var rpcStatus = new Rpc.Status { Code = (int)code, Message = message };
        foreach (var detail in details)
        {
            rpcStatus.Details.Add(Any.Pack(detail));
        }

        var trailers = new Metadata();
        Add(trailers, rpcStatus);
        return new RpcException(new Status(code, message), trailers);
    }

    /// <summary>Adds (serializes) a google.rpc.Status as grpc-status-details-bin.</summary>
    public static void Add(Metadata trailers, Rpc.Status status)
    {
        ArgumentNullException.ThrowIfNull(trailers);
        ArgumentNullException.ThrowIfNull(status);
        trailers.Add(TrailerKey, status.ToByteArray());
    }

    /// <summary>Reads the google.rpc.Status from trailers, or null when absent or unreadable.</summary>
    public static Rpc.Status? Get(Metadata trailers)
    {
        var bytes = trailers.GetValueBytes(TrailerKey);
        if (bytes is null)
        {
            return null;
        }

        try
        {
            return Rpc.Status.Parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException)
        {
            return null;
        }
    }
}
