using System.Net;
using System.Net.Http.Headers;
using IomDirectory.Testing;
using IomDirectory.Contracts.V1;
using Google.Protobuf;

namespace IomDirectory.Testing.Reliability;

/// <summary>
/// Malformed gRPC requests that a well-behaved HTTP/2 stack can carry (sent with HttpClient over h2c): bad
/// length prefixes, flags, encodings, truncated and oversized messages, random bytes, mutated messages, random
/// metadata, unknown paths, wrong content types, several messages on a unary call.
/// </summary>
public sealed class HttpJunk(Uri address) : IDisposable
{
    private const string GetUnitPath = "/iom.directory.v1.DirectoryService/GetUnit";
    private static readonly byte[] ValidMessage = new GetUnitRequest { Id = "dhrr" }.ToByteArray();
    private static readonly HashSet<string> Forbidden = ["host", "connection", "te", "upgrade", "keep-alive", "proxy-connection", "transfer-encoding",
        "content-length", "content-type", "content-encoding"];

    private readonly HttpClient _http = new(new SocketsHttpHandler { EnableMultipleHttp2Connections = true })
    {
        BaseAddress = address,
        DefaultRequestVersion = HttpVersion.Version20,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        Timeout = Timeout.InfiniteTimeSpan,
    };

    /// <summary>Sends one junk request; returns which kind of junk it was (for diagnostics) and how the server answered.</summary>
    public async Task<(string Case, JunkOutcome Outcome)> SendAsync(Random random)
    {
        var (request, kind) = Build(random);
        using var _ = request;
        return ("http case " + kind, await SendAsync(request));
    }

    private async Task<JunkOutcome> SendAsync(HttpRequestMessage request)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, limit.Token);
            return response.Headers.Contains("grpc-status") || response.TrailingHeaders.Contains("grpc-status") ? JunkOutcome.GrpcStatus : JunkOutcome.NoStatus;
        }
        catch (HttpRequestException ex) when (ex.InnerException is HttpProtocolException || ex.HttpRequestError == HttpRequestError.HttpProtocolError)
        {
            return JunkOutcome.StreamReset;
        }
        catch (HttpProtocolException)
        {
            return JunkOutcome.StreamReset;
        }
        catch (OperationCanceledException)
        {
            return JunkOutcome.NoAnswer;
        }
        catch (HttpRequestException)
        {
            return JunkOutcome.ConnectionLost;
        }
    }

    private static (HttpRequestMessage Request, int Case) Build(Random random)
    {
        var path = GetUnitPath;
        var contentType = "application/grpc";
        string? encoding = null;
        byte[] body;
        var kind = random.Next(15);
        switch (kind)
        {
            case 0: body = GrpcFrame.Of(ValidMessage, declaredLength: ValidMessage.Length + random.Next(1, 1000)); break;
            case 1: body = [.. GrpcFrame.Of(ValidMessage, declaredLength: random.Next(0, ValidMessage.Length)), .. JunkBytes.Of(random, random.Next(1, 50))]; break;
            case 2: body = GrpcFrame.Of(ValidMessage, flag: (byte)random.Next(2, 256)); break;
            case 3: body = GrpcFrame.Of(ValidMessage, flag: 1); break;
            case 4: body = GrpcFrame.Of(JunkBytes.Of(random, 40), flag: 1); encoding = random.Next(2) == 0 ? "snappy" : RandomToken(random, 12); break;
            case 5: body = GrpcFrame.Of(JunkBytes.Of(random, random.Next(1, 200)), flag: 1); encoding = "gzip"; break;
            case 6: body = JunkBytes.Of(random, random.Next(0, 5)); break;
            case 7: body = GrpcFrame.Of(ValidMessage, declaredLength: random.Next(4 * 1024 * 1024 + 1, int.MaxValue)); break;
            case 8: body = JunkBytes.Of(random, random.Next(0, 2000)); break;
            case 9: body = JunkBytes.Mutate(random, GrpcFrame.Of(ValidMessage)); break;
            case 10: body = GrpcFrame.Of(JunkBytes.Of(random, random.Next(0, 300))); break;
            case 11: body = GrpcFrame.Of(ValidMessage); path = "/" + RandomToken(random, 10) + "/" + RandomToken(random, 8); break;
            case 12: body = GrpcFrame.Of(ValidMessage); contentType = random.Next(2) == 0 ? "application/json" : "application/grpc-" + RandomToken(random, 5); break;
            case 13: body = [.. GrpcFrame.Of(ValidMessage), .. GrpcFrame.Of(ValidMessage)]; break;
            default: body = random.Next(100) == 0 ? GrpcFrame.Of(JunkBytes.Of(random, 5 * 1024 * 1024)) : GrpcFrame.Of(ValidMessage); break;
        }
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new ByteArrayContent(body), Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Content.Headers.TryAddWithoutValidation("content-type", contentType);
        request.Headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));
        if (encoding is not null) request.Headers.TryAddWithoutValidation("grpc-encoding", encoding);
        AddRandomMetadata(random, request);
        return (request, kind);
    }

    /// <summary>0–5 headers with random names and values; sometimes a junk grpc-timeout or an undecodable -bin value.</summary>
    private static void AddRandomMetadata(Random random, HttpRequestMessage request)
    {
        for (var n = random.Next(6); n > 0; n--)
        {
            var name = random.Next(5) switch { 0 => "grpc-timeout", 1 => RandomToken(random, 10) + "-bin", _ => RandomToken(random, random.Next(1, 20)) };
            if (Forbidden.Contains(name)) continue;
            var value = new string(Enumerable.Range(0, random.Next(0, 60)).Select(_ => (char)random.Next(0x21, 0x7F)).ToArray());
            request.Headers.TryAddWithoutValidation(name, value);
        }
    }

    private static string RandomToken(Random random, int length) =>
        new(Enumerable.Range(0, Math.Max(1, length)).Select(_ => "abcdefghijklmnopqrstuvwxyz0123456789-_."[random.Next(39)]).ToArray());

    public void Dispose() => _http.Dispose();
}
