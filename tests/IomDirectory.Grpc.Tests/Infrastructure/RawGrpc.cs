using System.Buffers.Binary;
using System.Net.Http.Headers;
using Google.Protobuf;

namespace IomDirectory.Grpc.Tests.Infrastructure;

/// <summary>Hand-made gRPC requests for the fault cases: exact bytes, chosen headers, trailers read back raw.</summary>
public static class RawGrpc
{
    public const string EchoPath = "/test.v1.EchoService/Echo";

    public static byte[] Frame(IMessage message, byte flag = 0) => Frame(message.ToByteArray(), flag);

    public static byte[] Frame(byte[] payload, byte flag = 0)
    {
        var frame = new byte[5 + payload.Length];
        frame[0] = flag;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)payload.Length);
        payload.CopyTo(frame, 5);
        return frame;
    }

    public static HttpRequestMessage Request(string path, HttpContent? content, Version version, string? contentType = "application/grpc")
    {
        var request = Request(path, content, contentType);
        request.Version = version;
        return request;
    }

    public static HttpRequestMessage Request(string path, HttpContent? content, string? contentType = "application/grpc",
        params (string Name, string Value)[] headers)
    {
        content ??= new ChunkedContent([]);
        if (contentType is not null)
        {
            content.Headers.TryAddWithoutValidation("content-type", contentType);
        }

        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = content,
            Version = System.Net.HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Headers.TryAddWithoutValidation("te", "trailers");
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }

    /// <summary>Sends and reads the whole response body, then trailers.</summary>
    public static async Task<RawResponse> SendAsync(HttpClient http, HttpRequestMessage request)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        var body = await response.Content.ReadAsByteArrayAsync(timeout.Token);
        return new RawResponse(response, body);
    }

    public static Task<RawResponse> SendAsync(HttpClient http, string path, params byte[][] chunks) =>
        SendAsync(http, Request(path, new ChunkedContent(chunks)));
}

/// <summary>A received response: HTTP status, headers, body bytes and trailers.</summary>
public sealed record RawResponse(HttpResponseMessage Response, byte[] Body)
{
    public bool IsTrailersOnly => Response.Headers.Contains("grpc-status");

    public string? GrpcStatus => Header(IsTrailersOnly ? Response.Headers : Response.TrailingHeaders, "grpc-status");

    public string? GrpcMessage => Header(IsTrailersOnly ? Response.Headers : Response.TrailingHeaders, "grpc-message");

    public string? Trailer(string name) => Header(IsTrailersOnly ? Response.Headers : Response.TrailingHeaders, name);

    public static string? Header(HttpHeaders headers, string name) =>
        headers.NonValidated.TryGetValues(name, out var values) ? values.ToString() : null;

    /// <summary>The messages of the body as (flag, payload).</summary>
    public List<(byte Flag, byte[] Payload)> Messages()
    {
        var result = new List<(byte, byte[])>();
        var offset = 0;
        while (offset < Body.Length)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(Body.AsSpan(offset + 1));
            result.Add((Body[offset], Body.AsSpan(offset + 5, length).ToArray()));
            offset += 5 + length;
        }

        return result;
    }
}
