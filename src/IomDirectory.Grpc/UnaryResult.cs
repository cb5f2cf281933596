namespace IomDirectory.Grpc;

/// <summary>A completed unary call with its metadata.</summary>
public sealed record UnaryResult<TResponse>(TResponse Response, Metadata ResponseHeaders, Metadata Trailers, Status Status);
