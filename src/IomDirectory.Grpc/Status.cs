namespace IomDirectory.Grpc;

/// <summary>The outcome of a call: a code and a human-readable detail (sent as grpc-status and grpc-message).</summary>
public readonly record struct Status(StatusCode StatusCode, string Detail)
{
    /// <summary>The OK status with an empty detail.</summary>
    public static readonly Status DefaultSuccess = new(StatusCode.OK, string.Empty);

    /// <inheritdoc />
    public override string ToString() => $"Status(StatusCode=\"{StatusCode}\", Detail=\"{Detail}\")";
}
