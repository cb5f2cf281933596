using IomDirectory.Grpc.Rpc;
using IomDirectory.Grpc.Tests.Infrastructure;
using IomDirectory.Grpc.Tests.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IomDirectory.Grpc.Tests;

public sealed class ErrorMappingTests : ServerTestBase
{
    [Test]
    public async Task HandlerThrows_IsInternalWithCorrelationIdAndNoExceptionText()
    {
        var response = await RawGrpc.SendAsync(Http, "/test.v1.EchoService/Throw", RawGrpc.Frame(new Empty()));
        var correlationId = response.Trailer("correlation-id");

        Assert.Multiple(() =>
        {
            Assert.That(response.GrpcStatus, Is.EqualTo("13"));
            Assert.That(correlationId, Is.Not.Null.And.Not.Empty);
            Assert.That(response.GrpcMessage, Is.EqualTo($"Internal server error (correlation id {correlationId})"));
            var everything = string.Join("\n", response.Response.Headers.Concat(response.Response.TrailingHeaders).SelectMany(h => h.Value));
            Assert.That(everything, Does.Not.Contain("secret").And.Not.Contain("InvalidOperation").And.Not.Contain(" at "));
            Assert.That(Server.Logs.Entries.Any(e => e.Message.Contains(correlationId!) && e.Exception is InvalidOperationException), Is.True,
                "the exception is logged with the correlation id");
        });
    }

    [Test]
    public async Task ExceptionMapper_WhenRegistered_DecidesTheStatus()
    {
        await using var server = await TestServer.StartAsync(configureServices: services =>
            services.AddSingleton<IGrpcExceptionMapper, InvalidOperationMapper>());
        using var client = server.CreateClient();

        var error = Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync<Empty, Empty>(Method("Throw"), new Empty()));

        Assert.That(error!.StatusCode, Is.EqualTo(StatusCode.FailedPrecondition));
        Assert.That(error.Status.Detail, Is.EqualTo("mapped"));
        Assert.That(error.Trailers.GetValue("mapped-by"), Is.EqualTo("test"));
    }

    [TestCase(StatusCode.InvalidArgument, "tab\there, CR\rLF\n, emoji \U0001F600, non-ASCII äöü ÿ, percent %41")]
    [TestCase(StatusCode.NotFound, "plain")]
    [TestCase(StatusCode.AlreadyExists, "")]
    public void StatusWithSpecialCharacters_RoundTripsThroughGrpcMessage(StatusCode code, string detail)
    {
        var error = Assert.ThrowsAsync<RpcException>(() =>
            Client.UnaryAsync<FailRequest, Empty>(Method("Fail"), new FailRequest { Code = (int)code, Detail = detail }));

        Assert.That(error!.StatusCode, Is.EqualTo(code));
        Assert.That(error.Status.Detail, Is.EqualTo(detail));
    }

    [Test]
    public async Task GrpcMessage_IsPercentEncodedOnTheWire()
    {
        var request = new FailRequest { Code = 3, Detail = "a\tb%c é" };

        var response = await RawGrpc.SendAsync(Http, "/test.v1.EchoService/Fail", RawGrpc.Frame(request));

        Assert.That(response.GrpcMessage, Is.EqualTo("a%09b%25c %C3%A9"));
    }

    [Test]
    public void RichStatusDetails_TravelInGrpcStatusDetailsBin()
    {
        var error = Assert.ThrowsAsync<RpcException>(() => Client.UnaryAsync<FailRequest, Empty>(
            Method("Fail"), new FailRequest { Code = (int)StatusCode.InvalidArgument, Detail = "bad", WithDetails = true }));

        var status = GrpcStatusDetails.Get(error!.Trailers);
        Assert.That(status, Is.Not.Null);
        Assert.That(status!.Code, Is.EqualTo((int)StatusCode.InvalidArgument));
        var badRequest = status.Details.Single().Unpack<BadRequest>();
        Assert.That(badRequest.FieldViolations.Single().Field, Is.EqualTo("name"));
    }

    private sealed class InvalidOperationMapper : IGrpcExceptionMapper
    {
        public RpcException? Map(Exception exception, ServerCallContext context) => exception is InvalidOperationException
            ? new RpcException(new Status(StatusCode.FailedPrecondition, "mapped"), new Metadata().Add("mapped-by", "test"))
            : null;
    }
}
