namespace IomDirectory.Grpc;

/// <summary>Per-call client settings.</summary>
public sealed record CallOptions
{
    /// <summary>UTC deadline: sent as grpc-timeout and enforced locally (DEADLINE_EXCEEDED).</summary>
    public DateTime? Deadline { get; init; }

    /// <summary>Custom request metadata.</summary>
    public Metadata? Headers { get; init; }

    /// <summary>Cancels the call (RST_STREAM to the server); the call then fails with CANCELLED.</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>gzip-compresses request messages (grpc-encoding: gzip).</summary>
    public bool CompressRequest { get; init; }

    /// <summary>Lists gzip in grpc-accept-encoding so the server may compress responses (default true).</summary>
    public bool AcceptCompression { get; init; } = true;
}
