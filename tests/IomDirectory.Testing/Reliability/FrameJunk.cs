using IomDirectory.Testing;
using IomDirectory.Contracts.V1;
using Google.Protobuf;

namespace IomDirectory.Testing.Reliability;

/// <summary>
/// Malformed HTTP/2 itself, written as raw frames on a fresh connection each: oversized and truncated frames,
/// DATA on stream 0, bad padding, garbage HPACK, even stream ids, zero window updates, missing CONTINUATION,
/// unknown frame types and flags, random bytes.
/// </summary>
public static class FrameJunk
{
    private const string GetUnitPath = "/iom.directory.v1.DirectoryService/GetUnit";
    private static readonly byte[] ValidFrame = GrpcFrame.Of(new GetUnitRequest { Id = "dhrr" }.ToByteArray());

    /// <summary>Sends one junk request on a new connection; returns which kind it was and how the server answered.</summary>
    public static async Task<(string Case, JunkOutcome Outcome)> SendAsync(Uri address, Random random)
    {
        var kind = random.Next(11);
        return ("frame case " + kind, await SendAsync(address, random, kind));
    }

    private static async Task<JunkOutcome> SendAsync(Uri address, Random random, int kind)
    {
        await using var c = await RawHttp2Connection.OpenAsync(address);
        var headers = RawHttp2Connection.RequestHeaders($"{address.Host}:{address.Port}", GetUnitPath);
        const byte H = RawHttp2Connection.Headers, D = RawHttp2Connection.Data, Eh = RawHttp2Connection.EndHeaders, Es = RawHttp2Connection.EndStream;
        var truncated = false;
        switch (kind)
        {
            case 0:
                await c.WriteFrameAsync(H, Eh, 1, headers);
                await c.WriteFrameAsync(D, Es, 1, JunkBytes.Of(random, 16_385 + random.Next(50_000)));
                break;
            case 1:
                await c.WriteFrameAsync(D, Es, 0, ValidFrame);
                break;
            case 2:
                await c.WriteFrameAsync(H, Eh, 1, headers);
                await c.WriteFrameAsync(D, RawHttp2Connection.Padded | Es, 1, [(byte)(ValidFrame.Length + 1 + random.Next(100)), .. ValidFrame]);
                break;
            case 3:
                await c.WriteFrameAsync(H, Eh | Es, 1, JunkBytes.Of(random, random.Next(1, 200)));
                break;
            case 4:
                await c.WriteFrameAsync((byte)random.Next(0x20, 0x100), (byte)random.Next(256), 1, JunkBytes.Of(random, random.Next(0, 100)));
                await c.WriteFrameAsync(H, Eh, 1, headers);
                await c.WriteFrameAsync(D, Es, 1, ValidFrame);
                break;
            case 5:
                await c.WriteFrameAsync(H, (byte)((random.Next(256) & ~(RawHttp2Connection.Padded | 0x20)) | Eh), 1, headers);
                await c.WriteFrameAsync(D, (byte)((random.Next(256) & ~RawHttp2Connection.Padded) | Es), 1, JunkBytes.Mutate(random, ValidFrame));
                break;
            case 6:
                await c.WriteFrameAsync(H, Eh | Es, 2, headers);
                return await c.AwaitAnswerAsync(2, TimeSpan.FromSeconds(10));
            case 7:
                // Stream 1 is open (HEADERS without END_STREAM). RFC 9113 §6.9: a zero increment on a stream is a
                // stream error (RST_STREAM), on stream 0 a connection error (GOAWAY); §5.4.1 lets an endpoint treat
                // any stream error as a connection error, and Kestrel does so here: GOAWAY PROTOCOL_ERROR for both.
                // It then closes while the DATA below may still be in flight (see RawHttp2Connection.WriteRawAsync).
                await c.WriteFrameAsync(H, Eh, 1, headers);
                await c.WriteFrameAsync(RawHttp2Connection.WindowUpdate, 0, random.Next(2), [0, 0, 0, 0]);
                await c.WriteFrameAsync(D, Es, 1, ValidFrame);
                break;
            case 8:
                await c.WriteRawAsync(JunkBytes.Of(random, random.Next(1, 500)));
                c.HalfClose();   // a few random bytes may be the start of a frame the server would wait for
                truncated = true;
                break;
            case 9:
                await c.WriteFrameAsync(H, Eh, 1, headers);
                await c.WriteRawAsync(RawHttp2Connection.Frame(D, Es, 1, ValidFrame.AsSpan(0, random.Next(ValidFrame.Length)), declaredLength: ValidFrame.Length + 10));
                c.HalfClose();
                truncated = true;
                break;
            default:
                await c.WriteFrameAsync(H, 0, 1, headers);
                await c.WriteFrameAsync(D, Es, 1, ValidFrame);
                break;
        }
        return await c.AwaitAnswerAsync(1, TimeSpan.FromSeconds(10), truncated);
    }
}
