namespace IomDirectory.Server.Hosting;

/// <summary>
/// How large a request each service takes, whichever way it arrives (gRPC, gRPC-Web, the HTTP/JSON routes): reads
/// and routing small ones (<c>Grpc:MaxReadRequestSize</c>, default 64 KiB), the admin service large ones for an
/// import (<c>Grpc:MaxReceiveMessageSize</c>, default 4 MiB).
/// </summary>
public sealed record ReceiveLimits(int Read, int Admin)
{
    public const int DefaultRead = 64 * 1024;
    public const int DefaultAdmin = 4 * 1024 * 1024;

    public static ReceiveLimits From(IConfiguration configuration) => new(
        configuration.GetValue("Grpc:MaxReadRequestSize", DefaultRead),
        configuration.GetValue("Grpc:MaxReceiveMessageSize", DefaultAdmin));

    /// <summary>The limit of a service, by its protobuf full name.</summary>
    public int For(string serviceFullName) =>
        serviceFullName == IomDirectory.Contracts.V1.AdminService.Descriptor.FullName ? Admin : Read;
}
