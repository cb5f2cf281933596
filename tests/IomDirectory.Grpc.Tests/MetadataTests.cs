using IomDirectory.Grpc.Tests.Infrastructure;
using IomDirectory.Grpc.Tests.Testing;

namespace IomDirectory.Grpc.Tests;

public sealed class MetadataTests : ServerTestBase
{
    [Test]
    public async Task Metadata_RoundTripsAsHeadersAndTrailers_IncludingBinary()
    {
        var headers = new Metadata().Add("x-text", "value 1").Add("x-data-bin", [0, 1, 2, 255, 254]);

        var result = await Client.UnaryWithMetadataAsync<EchoRequest, EchoReply>(Method("Echo"), new EchoRequest(), new CallOptions { Headers = headers });

        Assert.Multiple(() =>
        {
            Assert.That(result.ResponseHeaders.GetValue("x-text"), Is.EqualTo("value 1"));
            Assert.That(result.ResponseHeaders.GetValueBytes("x-data-bin"), Is.EqualTo(new byte[] { 0, 1, 2, 255, 254 }));
            Assert.That(result.Trailers.GetValue("trailer-x-text"), Is.EqualTo("value 1"));
            Assert.That(result.Trailers.GetValueBytes("trailer-x-data-bin"), Is.EqualTo(new byte[] { 0, 1, 2, 255, 254 }));
            Assert.That(result.Status.StatusCode, Is.EqualTo(StatusCode.OK));
        });
    }

    [TestCase("AAEC/w==", TestName = "BinaryHeader_Padded_IsDecoded")]
    [TestCase("AAEC/w", TestName = "BinaryHeader_Unpadded_IsDecoded")]
    public async Task BinaryHeader_IsDecoded(string base64)
    {
        var request = RawGrpc.Request(RawGrpc.EchoPath, new ChunkedContent([RawGrpc.Frame(new EchoRequest())]), "application/grpc",
            ("x-raw-bin", base64));

        var response = await RawGrpc.SendAsync(Http, request);

        // Echoed back unpadded, as the spec recommends.
        Assert.That(RawResponse.Header(response.Response.Headers, "x-raw-bin"), Is.EqualTo("AAEC/w"));
        Assert.That(response.Trailer("trailer-x-raw-bin"), Is.EqualTo("AAEC/w"));
    }

    [Test]
    public async Task ReservedHeaders_AreNotExposedAsMetadata()
    {
        var request = RawGrpc.Request(RawGrpc.EchoPath, new ChunkedContent([RawGrpc.Frame(new EchoRequest())]), "application/grpc",
            ("grpc-timeout", "10S"), ("user-agent", "test/1.0"), ("x-visible", "yes"));

        var response = await RawGrpc.SendAsync(Http, request);

        Assert.That(response.Trailer("trailer-x-visible"), Is.EqualTo("yes"));
        Assert.That(response.Response.TrailingHeaders.Select(h => h.Key), Has.None.Contains("timeout").And.None.Contains("user-agent").And.None.Contains("te"));
    }

    [Test]
    public void Metadata_LowerCasesKeys_AndRejectsBinaryValueWithoutSuffix()
    {
        var metadata = new Metadata().Add("X-Mixed-Case", "v");

        Assert.That(metadata.Get("x-mixed-case")?.Key, Is.EqualTo("x-mixed-case"));
        Assert.Throws<ArgumentException>(() => metadata.Add("x-data", [1]));
        Assert.Throws<ArgumentException>(() => metadata.Add("x-data-bin", "text"));
    }
}
