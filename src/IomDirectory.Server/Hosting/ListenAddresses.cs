using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace IomDirectory.Server.Hosting;

/// <summary>
/// Where the server listens. <c>--urls</c> (default <c>http://127.0.0.1:5080</c>) are gRPC endpoints: cleartext ones
/// speak HTTP/2 only (h2c with prior knowledge), because a cleartext Kestrel endpoint cannot tell HTTP/1.1 from h2c.
/// <c>--web-urls</c> (default <c>http://127.0.0.1:5081</c>, <c>none</c> for no such endpoint) are HTTP/1.1 endpoints
/// for browsers and REST tools: gRPC-Web and the HTTP/JSON routes. An https:// address of either kind speaks both
/// protocols (ALPN). gRPC endpoints serve gRPC only (<see cref="GrpcOnlyEndpoints"/>). An endpoint set under <c>Kestrel:Endpoints</c> replaces both lists.
/// </summary>
public sealed record ListenAddresses(IReadOnlyList<Uri> Grpc, IReadOnlyList<Uri> Web)
{
    public const string DefaultGrpcUrl = "http://127.0.0.1:5080";
    public const string DefaultWebUrl = "http://127.0.0.1:5081";

    public static ListenAddresses From(IConfiguration configuration) =>
        new(Parse(configuration["urls"], DefaultGrpcUrl, "--urls"), Parse(configuration["web-urls"], DefaultWebUrl, "--web-urls"));

    public void Apply(KestrelServerOptions kestrel)
    {
        foreach (var url in Grpc) Listen(kestrel, url, HttpProtocols.Http2, grpcOnly: true);
        foreach (var url in Web) Listen(kestrel, url, HttpProtocols.Http1, grpcOnly: false);
    }

    private static void Listen(KestrelServerOptions kestrel, Uri url, HttpProtocols cleartext, bool grpcOnly)
    {
        var tls = url.Scheme == Uri.UriSchemeHttps;
        void Configure(ListenOptions l)
        {
            l.Protocols = tls ? HttpProtocols.Http1AndHttp2 : cleartext;
            if (tls) l.UseHttps();
            if (grpcOnly) GrpcOnlyEndpoints.Mark(l);
        }
        var port = url.Port;
        switch (url.Host)
        {
            case "localhost":
                kestrel.ListenLocalhost(port, Configure);
                break;
            case "*" or "+" or "0.0.0.0" or "[::]":
                kestrel.ListenAnyIP(port, Configure);
                break;
            default:
                kestrel.Listen(IPAddress.Parse(url.Host.Trim('[', ']')), port, Configure);
                break;
        }
    }

    private static List<Uri> Parse(string? value, string fallback, string option)
    {
        var text = string.IsNullOrWhiteSpace(value) ? fallback : value;
        if (text.Trim().Equals("none", StringComparison.OrdinalIgnoreCase)) return [];
        var list = new List<Uri>();
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // Uri rejects "*" as a host; Kestrel's own syntax accepts it.
            var normalized = part.Replace("://*:", "://0.0.0.0:", StringComparison.Ordinal).Replace("://+:", "://0.0.0.0:", StringComparison.Ordinal);
            if (!Uri.TryCreate(normalized, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
                || (uri.Host != "localhost" && !IPAddress.TryParse(uri.Host.Trim('[', ']'), out _)))
                throw new ArgumentException($"{option}: '{part}' is not an address to listen on (http://IP:PORT, http://localhost:PORT or http://*:PORT).");
            list.Add(uri);
        }
        return list;
    }
}
