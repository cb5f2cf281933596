namespace IomDirectory.Testing.Reliability;

/// <summary>How the server answered one junk request. <see cref="ConnectionLost"/>, <see cref="NoStatus"/> and <see cref="NoAnswer"/> are failures.</summary>
public enum JunkOutcome
{
    /// <summary>A gRPC status (grpc-status in headers or trailers; over raw frames: a HEADERS frame ending the stream).</summary>
    GrpcStatus,
    /// <summary>RST_STREAM for the request's stream.</summary>
    StreamReset,
    /// <summary>GOAWAY: the HTTP/2 answer to a connection error (bad frame size, frame on stream 0, broken HPACK…).</summary>
    ConnectionGoAway,
    /// <summary>The server closed the connection after the client cut a frame short and half-closed.</summary>
    ClosedAfterTruncation,
    /// <summary>The HTTP/2 connection broke under the request (no stream-level answer).</summary>
    ConnectionLost,
    /// <summary>An HTTP response without grpc-status.</summary>
    NoStatus,
    /// <summary>Nothing within the time limit.</summary>
    NoAnswer,
}
