namespace IomDirectory.Grpc;

/// <summary>Health of a service, as reported by grpc.health.v1.Health (same numbers as the proto enum).</summary>
public enum ServingStatus
{
    Unknown = 0,
    Serving = 1,
    NotServing = 2,
    ServiceUnknown = 3,
}
