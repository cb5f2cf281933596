using Microsoft.AspNetCore.Http;

namespace IomDirectory.Grpc;

/// <summary>Per-call context handed to a server handler.</summary>
public abstract class ServerCallContext
{
    /// <summary>Full method path, e.g. "/pkg.Service/Method".</summary>
    public abstract string Method { get; }

    /// <summary>The :authority of the request.</summary>
    public abstract string Host { get; }

    /// <summary>The remote endpoint, e.g. "ipv4:127.0.0.1:50123".</summary>
    public abstract string Peer { get; }

    /// <summary>UTC deadline from grpc-timeout; <see cref="DateTime.MaxValue"/> when there is none.</summary>
    public abstract DateTime Deadline { get; }

    /// <summary>Fires on deadline, client cancel (RST_STREAM) and server abort.</summary>
    public abstract CancellationToken CancellationToken { get; }

    /// <summary>Custom request metadata (pseudo and protocol headers excluded).</summary>
    public abstract Metadata RequestHeaders { get; }

    /// <summary>Trailers sent with the status.</summary>
    public abstract Metadata ResponseTrailers { get; }

    /// <summary>Status sent when the handler returns normally (defaults to OK).</summary>
    public abstract Status Status { get; set; }

    /// <summary>The request's DI scope (created on first use).</summary>
    public abstract IServiceProvider RequestServices { get; }

    /// <summary>The server's root services: singletons, reached without creating a DI scope for the call.</summary>
    public abstract IServiceProvider ApplicationServices { get; }

    /// <summary>The underlying HTTP/2 request.</summary>
    public abstract HttpContext HttpContext { get; }

    /// <summary>Sends response headers now (at most once, before the first message).</summary>
    public abstract Task WriteResponseHeadersAsync(Metadata responseHeaders);
}
