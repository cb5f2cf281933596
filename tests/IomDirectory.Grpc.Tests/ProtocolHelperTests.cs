using IomDirectory.Grpc.Internal;

namespace IomDirectory.Grpc.Tests;

public sealed class ProtocolHelperTests
{
    [TestCase("1H", 3600_000)]
    [TestCase("2M", 120_000)]
    [TestCase("3S", 3000)]
    [TestCase("250m", 250)]
    [TestCase("99999999u", 99999.999)]
    [TestCase("5000000n", 5)]
    public void GrpcTimeout_ValidValues_Parse(string value, double milliseconds)
    {
        Assert.That(GrpcTimeout.TryParse(value, out var timeout), Is.True);
        Assert.That(timeout.TotalMilliseconds, Is.EqualTo(milliseconds).Within(0.001));
    }

    [TestCase("")]
    [TestCase("5")]
    [TestCase("M")]
    [TestCase("123456789S")]
    [TestCase("1x")]
    [TestCase(" 1S")]
    [TestCase("1.5S")]
    public void GrpcTimeout_MalformedValues_AreRejected(string value) =>
        Assert.That(GrpcTimeout.TryParse(value, out _), Is.False);

    [Test]
    public void GrpcTimeout_Format_UsesAtMostEightDigits()
    {
        Assert.That(GrpcTimeout.Format(TimeSpan.FromMilliseconds(1500)), Is.EqualTo("1500m"));
        Assert.That(GrpcTimeout.Format(TimeSpan.FromDays(3)), Is.EqualTo("259200S"));
    }

    [TestCase("plain text", "plain text")]
    [TestCase("100%", "100%25")]
    [TestCase("tab\tnew\nline", "tab%09new%0Aline")]
    [TestCase("é", "%C3%A9")]
    [TestCase("\U0001F600", "%F0%9F%98%80")]
    public void PercentEncoding_EncodesOutsidePrintableAsciiAndPercent(string value, string encoded)
    {
        Assert.That(PercentEncoding.Encode(value), Is.EqualTo(encoded));
        Assert.That(PercentEncoding.Decode(encoded), Is.EqualTo(value));
    }

    [Test]
    public void PercentEncoding_Decode_KeepsMalformedSequences() =>
        Assert.That(PercentEncoding.Decode("50%zz%4"), Is.EqualTo("50%zz%4"));

    [TestCase("application/grpc", true)]
    [TestCase("application/grpc+proto", true)]
    [TestCase("APPLICATION/GRPC; charset=utf-8", true)]
    [TestCase("application/grpc-web", false)]
    [TestCase("application/grpc+json", false)]
    [TestCase("application/json", false)]
    [TestCase(null, false)]
    public void ContentType_Check(string? contentType, bool expected) =>
        Assert.That(GrpcProtocol.IsGrpcContentType(contentType), Is.EqualTo(expected));
}
