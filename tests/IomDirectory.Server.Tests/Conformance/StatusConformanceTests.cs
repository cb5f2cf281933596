using Grpc.Core;
using Grpc.Health.V1;
using IomDirectory.Contracts.V1;
using IomDirectory.Server.Rpc;
using IomDirectory.Server.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using IomDirectory.Server.Rpc.Internal;

namespace IomDirectory.Server.Tests.Conformance;

/// <summary>
/// What clients rely on from the server on grpc-dotnet, beyond the happy path: limits, unknown methods, health's
/// bounds, and the answer for a failure nobody mapped.
/// </summary>
[TestFixture]
public sealed class StatusConformanceTests
{
    private RunningServer _server = null!;

    [OneTimeSetUp]
    public async Task Start() => _server = await RunningServer.StartAsync();

    [OneTimeTearDown]
    public async Task Stop() => await _server.DisposeAsync();

    [Test]
    public void ReadRequestOverTheReadLimit_IsResourceExhausted_BeforeItIsParsed()
    {
        var request = new SearchDirectoryRequest { Query = new string('a', 70 * 1024) };
        var ex = Assert.ThrowsAsync<RpcException>(async () => await new DirectoryService.DirectoryServiceClient(_server.Channel).SearchDirectoryAsync(request));
        Assert.That(ex!.StatusCode, Is.EqualTo(StatusCode.ResourceExhausted));
    }

    [Test]
    public async Task AdminRequestsMayBeLarger()
    {
        // 200 KiB is over the read limit but within the admin one: the call gets as far as authentication.
        var request = new ImportDirectoryRequest { Content = Google.Protobuf.ByteString.CopyFrom(new byte[200 * 1024]), DryRun = true };
        var ex = Assert.ThrowsAsync<RpcException>(async () => await new AdminService.AdminServiceClient(_server.Channel).ImportDirectoryAsync(request));
        Assert.That(ex!.StatusCode, Is.EqualTo(StatusCode.Unauthenticated));
        await Task.CompletedTask;
    }

    [Test]
    public void ManyViolations_AreCappedInTheMessageAndTheDetails()
    {
        var request = new SearchDirectoryRequest { Query = "x" };
        request.Kinds.AddRange(Enumerable.Range(0, 2000).Select(i => "no-such-kind-" + i));
        var ex = Assert.ThrowsAsync<RpcException>(async () => await new DirectoryService.DirectoryServiceClient(_server.Channel).SearchDirectoryAsync(request));
        Assert.That(ex!.StatusCode, Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(ex.Status.Detail.Length, Is.LessThanOrEqualTo(DirectoryExceptionMapper.MaxMessageLength));
        var details = ex.GetRpcStatus()!.Details.Single().Unpack<Google.Rpc.BadRequest>();
        Assert.That(details.FieldViolations, Has.Count.InRange(1, DirectoryExceptionMapper.MaxViolations));
    }

    [Test]
    public async Task HealthCheck_OfAnOverlongName_IsInvalidArgument_AndAnUnknownOne_NotFound()
    {
        var health = new Health.HealthClient(_server.Channel);
        var ex = Assert.ThrowsAsync<RpcException>(async () => await health.CheckAsync(new HealthCheckRequest { Service = new string('s', 10_000) }));
        Assert.That(ex!.StatusCode, Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(ex.Status.Detail.Length, Is.LessThan(200), "the name is not echoed");
        ex = Assert.ThrowsAsync<RpcException>(async () => await health.CheckAsync(new HealthCheckRequest { Service = "no.such.Service" }));
        Assert.That(ex!.StatusCode, Is.EqualTo(StatusCode.NotFound));
        var serving = await health.CheckAsync(new HealthCheckRequest { Service = "iom.directory.v1.RoutingService" });
        Assert.That(serving.Status, Is.EqualTo(HealthCheckResponse.Types.ServingStatus.Serving));
    }

    [Test]
    public async Task HealthWatch_OfAnUnknownName_AnswersServiceUnknown_AndCloses()
    {
        using var call = new Health.HealthClient(_server.Channel).Watch(new HealthCheckRequest { Service = "no.such.Service" });
        Assert.That(await call.ResponseStream.MoveNext(CancellationToken.None), Is.True);
        Assert.That(call.ResponseStream.Current.Status, Is.EqualTo(HealthCheckResponse.Types.ServingStatus.ServiceUnknown));
        Assert.That(await call.ResponseStream.MoveNext(CancellationToken.None), Is.False, "closed: an unknown name holds no place");
        Assert.That(call.GetStatus().StatusCode, Is.EqualTo(StatusCode.OK));
    }

    [Test]
    public async Task HealthWatches_OnOneConnection_AreCapped_AndAnotherConnectionStillGetsOne()
    {
        using var cancel = new CancellationTokenSource();
        var calls = new List<AsyncServerStreamingCall<HealthCheckResponse>>();
        using var channel = IomDirectory.Contracts.Transport.Channels.For(_server.Address);
        var health = new Health.HealthClient(channel);
        try
        {
            for (var i = 0; i < DirectoryHealthService.MaxWatchesPerConnection; i++)
            {
                var call = health.Watch(new HealthCheckRequest { Service = "" }, cancellationToken: cancel.Token);
                calls.Add(call);
                Assert.That(await call.ResponseStream.MoveNext(CancellationToken.None), Is.True);
                Assert.That(call.ResponseStream.Current.Status, Is.EqualTo(HealthCheckResponse.Types.ServingStatus.Serving));
            }
            using var extra = health.Watch(new HealthCheckRequest { Service = "" });
            var ex = Assert.ThrowsAsync<RpcException>(async () => await extra.ResponseStream.MoveNext(CancellationToken.None));
            Assert.That(ex!.StatusCode, Is.EqualTo(StatusCode.ResourceExhausted));
            Assert.That(ex.Status.Detail, Does.Contain("this connection"));

            using var other = new Health.HealthClient(_server.Channel).Watch(new HealthCheckRequest { Service = "" });
            Assert.That(await other.ResponseStream.MoveNext(CancellationToken.None), Is.True, "another connection has its own share");
        }
        finally
        {
            await cancel.CancelAsync();
            foreach (var call in calls) call.Dispose();
        }
    }

    [Test]
    public async Task HealthWatches_OverGrpcWeb_CannotTakeThePlacesKeptForGrpc_AndIdleOnesEnd()
    {
        await using var server = await RunningServer.StartAsync("--Grpc:HealthWatchLifetime=00:00:03");
        var web = server.WebAddress!;
        using var cancel = new CancellationTokenSource();
        var channels = new List<Grpc.Net.Client.GrpcChannel>();
        var calls = new List<AsyncServerStreamingCall<HealthCheckResponse>>();
        try
        {
            // One anonymous client opens gRPC-Web watches (one HTTP/1.1 connection each) until it is refused.
            StatusCode refused = StatusCode.OK;
            for (var i = 0; i < DirectoryHealthService.MaxConcurrentWatches && refused == StatusCode.OK; i++)
            {
                var channel = Grpc.Net.Client.GrpcChannel.ForAddress(web, new Grpc.Net.Client.GrpcChannelOptions
                {
                    HttpHandler = new Grpc.Net.Client.Web.GrpcWebHandler(Grpc.Net.Client.Web.GrpcWebMode.GrpcWeb, new SocketsHttpHandler()),
                    HttpVersion = System.Net.HttpVersion.Version11,
                });
                channels.Add(channel);
                var call = new Health.HealthClient(channel).Watch(new HealthCheckRequest { Service = "" }, cancellationToken: cancel.Token);
                calls.Add(call);
                try
                {
                    await call.ResponseStream.MoveNext(CancellationToken.None);
                }
                catch (RpcException ex)
                {
                    refused = ex.StatusCode;
                }
            }
            Assert.That(refused, Is.EqualTo(StatusCode.ResourceExhausted));
            Assert.That(calls.Count - 1, Is.EqualTo(DirectoryHealthService.MaxConcurrentWatches - DirectoryHealthService.ReservedForGrpc));

            // A gRPC client watching the server's health still gets its watch.
            using var h2 = new Health.HealthClient(server.Channel).Watch(new HealthCheckRequest { Service = "" });
            Assert.That(await h2.ResponseStream.MoveNext(CancellationToken.None), Is.True);
            Assert.That(h2.ResponseStream.Current.Status, Is.EqualTo(HealthCheckResponse.Types.ServingStatus.Serving));

            // Unchanged for the configured lifetime, a watch is ended with OK (a real client opens it again).
            var clock = System.Diagnostics.Stopwatch.StartNew();
            Assert.That(await h2.ResponseStream.MoveNext(CancellationToken.None), Is.False);
            Assert.That(h2.GetStatus().StatusCode, Is.EqualTo(StatusCode.OK));
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)));
        }
        finally
        {
            await cancel.CancelAsync();
            foreach (var call in calls) call.Dispose();
            foreach (var channel in channels) channel.Dispose();
        }
    }

    [Test]
    public async Task RequestThatDoesNotParse_IsInternal_SayingSo()
    {
        using var http = new HttpClient(new SocketsHttpHandler());
        // A field 1 (string) whose length runs past the end of the message.
        using var request = RawGrpc.Request(_server.Address, "/iom.directory.v1.DirectoryService/GetUnit", new ByteArrayContent([0, 0, 0, 0, 3, 0x0a, 0x7f, 0x41]));
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
        Assert.That(RawGrpc.Status(response), Is.EqualTo("13"));
        Assert.That(RawGrpc.Message(response), Is.EqualTo("The request message could not be parsed."));
    }

    [Test]
    public async Task NoDefaultAuthenticationScheme_SoTokenlessCallsAreNotAuthenticatedPerRequest()
    {
        var schemes = (Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider)_server.Services
            .GetService(typeof(Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider))!;
        Assert.That(await schemes.GetDefaultAuthenticateSchemeAsync(), Is.Null);
        Assert.That(await schemes.GetSchemeAsync(IomDirectory.Server.Security.TokenSchemes.LocalKey), Is.Not.Null);
    }

    [Test]
    public void UnknownMethod_IsUnimplemented()
    {
        var method = new Method<GetUnitRequest, Unit>(MethodType.Unary, "iom.directory.v1.DirectoryService", "NoSuchMethod",
            Marshallers.Create<GetUnitRequest>(r => Google.Protobuf.MessageExtensions.ToByteArray(r), GetUnitRequest.Parser.ParseFrom),
            Marshallers.Create<Unit>(r => Google.Protobuf.MessageExtensions.ToByteArray(r), Unit.Parser.ParseFrom));
        var ex = Assert.ThrowsAsync<RpcException>(async () => await _server.Channel.CreateCallInvoker().AsyncUnaryCall(method, null, default, new GetUnitRequest()));
        Assert.That(ex!.StatusCode, Is.EqualTo(StatusCode.Unimplemented));
    }

    [Test]
    public void AnUnmappedFailure_IsInternalWithACorrelationId_AndNoStackTrace()
    {
        var interceptor = new ExceptionMappingInterceptor(NullLogger<ExceptionMappingInterceptor>.Instance);
        var ex = Assert.ThrowsAsync<RpcException>(() => interceptor.UnaryServerHandler<GetUnitRequest, Unit>(new GetUnitRequest(), new FakeCallContext(),
            (_, _) => throw new InvalidOperationException("secret detail at SomeType.SomeMethod()")));
        Assert.That(ex!.StatusCode, Is.EqualTo(StatusCode.Internal));
        var id = ex.Trailers.GetValue(ExceptionMappingInterceptor.CorrelationIdTrailer);
        Assert.That(id, Is.Not.Null.And.Length.EqualTo(32));
        Assert.That(ex.Status.Detail, Is.EqualTo($"Internal server error (correlation id {id})"));
    }

    [Test]
    public void AnApplicationFailure_ThroughTheInterceptor_KeepsItsStatus()
    {
        var interceptor = new ExceptionMappingInterceptor(NullLogger<ExceptionMappingInterceptor>.Instance);
        var ex = Assert.ThrowsAsync<RpcException>(() => interceptor.UnaryServerHandler<GetUnitRequest, Unit>(new GetUnitRequest(), new FakeCallContext(),
            (_, _) => throw new Application.NotFoundException("Unit", "x")));
        Assert.That(ex!.StatusCode, Is.EqualTo(StatusCode.NotFound));
    }

    /// <summary>The least of a call context the interceptor reads: the method name and the cancellation.</summary>
    private sealed class FakeCallContext : ServerCallContext
    {
        protected override string MethodCore => "/iom.directory.v1.DirectoryService/GetUnit";
        protected override string HostCore => "localhost";
        protected override string PeerCore => "ipv4:127.0.0.1:1";
        protected override DateTime DeadlineCore => DateTime.MaxValue;
        protected override Metadata RequestHeadersCore { get; } = [];
        protected override CancellationToken CancellationTokenCore => CancellationToken.None;
        protected override Metadata ResponseTrailersCore { get; } = [];
        protected override Status StatusCore { get; set; }
        protected override WriteOptions? WriteOptionsCore { get; set; }
        protected override AuthContext AuthContextCore => new(null, []);
        protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) => throw new NotSupportedException();
        protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => Task.CompletedTask;
    }
}
