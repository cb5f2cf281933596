using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;

namespace IomDirectory.Grpc.Internal;

/// <summary>The server call: request/response state of one gRPC call on one HTTP/2 stream.</summary>
internal sealed class HttpServerCallContext : ServerCallContext, IDisposable
{
    private readonly CancellationTokenSource? _deadlineSource;
    private readonly CancellationTokenSource? _linkedSource;
    private Metadata? _requestHeaders;
    private Metadata? _responseTrailers;
    private bool _headersSent;

    public HttpServerCallContext(HttpContext httpContext, GrpcServerRuntime runtime, string method,
        TimeSpan? timeout, string? requestEncoding, string? responseEncoding)
    {
        HttpContext = httpContext;
        Runtime = runtime;
        Method = method;
        RequestEncoding = requestEncoding;
        ResponseEncoding = responseEncoding;
        if (timeout is { } value)
        {
            var now = DateTime.UtcNow;
            Deadline = value >= DateTime.MaxValue - now ? DateTime.MaxValue : now + value;
            if (value.TotalMilliseconds < int.MaxValue)
            {
                _deadlineSource = new CancellationTokenSource(value);
                _linkedSource = CancellationTokenSource.CreateLinkedTokenSource(httpContext.RequestAborted, _deadlineSource.Token);
            }
        }
        else
        {
            Deadline = DateTime.MaxValue;
        }

        CancellationToken = _linkedSource?.Token ?? httpContext.RequestAborted;
    }

    public GrpcServerRuntime Runtime { get; }

    /// <summary>"gzip" when request messages may arrive compressed; null for identity.</summary>
    public string? RequestEncoding { get; }

    /// <summary>"gzip" when response messages are compressed; null for identity.</summary>
    public string? ResponseEncoding { get; }

    /// <summary>True once response headers or any message have been handed to Kestrel.</summary>
    public bool ResponseStarted => _headersSent;

    /// <summary>
    /// True once the deadline has passed. The clock is read as well as the timer, because a saturated thread pool
    /// runs the timer's callback late and a handler finishing in between must not answer OK.
    /// </summary>
    public bool DeadlineExpired =>
        _deadlineSource is not null && (_deadlineSource.IsCancellationRequested || DateTime.UtcNow >= Deadline);

    public override string Method { get; }

    public override string Host => HttpContext.Request.Host.Value ?? string.Empty;

    public override string Peer => FormatPeer(HttpContext.Connection.RemoteIpAddress, HttpContext.Connection.RemotePort);

    public override DateTime Deadline { get; }

    public override CancellationToken CancellationToken { get; }

    public override Metadata RequestHeaders => _requestHeaders ??= MetadataCodec.FromRequestHeaders(HttpContext.Request.Headers);

    public override Metadata ResponseTrailers => _responseTrailers ??= new Metadata();

    public bool HasResponseTrailers => _responseTrailers is { Count: > 0 };

    public override Status Status { get; set; } = Status.DefaultSuccess;

    public override IServiceProvider RequestServices => HttpContext.RequestServices;

    public override IServiceProvider ApplicationServices => Runtime.Services;

    public override HttpContext HttpContext { get; }

    public override async Task WriteResponseHeadersAsync(Metadata responseHeaders)
    {
        ArgumentNullException.ThrowIfNull(responseHeaders);
        if (_headersSent)
        {
            throw new InvalidOperationException("Response headers have already been sent.");
        }

        MetadataCodec.AddTo(HttpContext.Response.Headers, responseHeaders);
        MarkHeadersSent();
        await HttpContext.Response.BodyWriter.FlushAsync(CancellationToken).ConfigureAwait(false);
    }

    /// <summary>Called before the first response byte: adds grpc-encoding when responses are compressed.</summary>
    public void MarkHeadersSent()
    {
        if (_headersSent)
        {
            return;
        }

        _headersSent = true;
        if (ResponseEncoding is not null)
        {
            HttpContext.Response.Headers[GrpcProtocol.EncodingHeader] = ResponseEncoding;
        }
    }

    /// <summary>Lets a streaming call run past Kestrel's body size and data rate limits, as grpc-dotnet does.</summary>
    public void DisableRequestLimits()
    {
        var features = HttpContext.Features;
        if (features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = null;
        }

        if (features.Get<IHttpMinRequestBodyDataRateFeature>() is { } rate)
        {
            rate.MinDataRate = null;
        }
    }

    public void Dispose()
    {
        _linkedSource?.Dispose();
        _deadlineSource?.Dispose();
    }

    private static string FormatPeer(IPAddress? address, int port) => address switch
    {
        null => "unknown",
        { AddressFamily: System.Net.Sockets.AddressFamily.InterNetworkV6 } => $"ipv6:[{address}]:{port}",
        _ => $"ipv4:{address}:{port}",
    };
}
