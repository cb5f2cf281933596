using System.Net;

namespace IomDirectory.Server.Tests.Support;

/// <summary>
/// A gRPC call written by hand over HTTP/2 with HttpClient, for requests no gRPC client would send (a body that
/// never comes, bytes that do not parse, a gzip bomb), and its grpc-status and grpc-message read back from the
/// trailers or, for a Trailers-Only answer, from the headers.
/// </summary>
public static class RawGrpc
{
    public static HttpRequestMessage Request(Uri server, string path, HttpContent body, string? encoding = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server, path))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = body,
        };
        body.Headers.ContentType = new("application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
        if (encoding is not null) request.Headers.TryAddWithoutValidation("grpc-encoding", encoding);
        return request;
    }

    public static string? Status(HttpResponseMessage response) => Value(response, "grpc-status");

    /// <summary>grpc-message, percent-decoded.</summary>
    public static string? Message(HttpResponseMessage response) => Value(response, "grpc-message") is { } m ? Uri.UnescapeDataString(m) : null;

    private static string? Value(HttpResponseMessage response, string name) =>
        response.TrailingHeaders.TryGetValues(name, out var t) ? t.First() : response.Headers.TryGetValues(name, out var h) ? h.First() : null;
}
