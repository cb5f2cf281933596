using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Web;
using IomDirectory.Contracts.V1;
using IomDirectory.Server.Hosting;
using IomDirectory.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IomDirectory.Server.Tests.Hosting;

/// <summary>
/// The Prometheus scrape of a real server after real calls (HTTP/2 gRPC and gRPC-Web). No other server may run
/// meanwhile: OpenTelemetry listens to meters by name across the process, and a second host's ASP.NET Core meters,
/// once disposed, take the shared series out of this host's scrape (see <see cref="MetricsDisabledTests"/>).
/// </summary>
[TestFixture]
public sealed class MetricsTests
{
    private const string GetUnit = "iom.directory.v1.DirectoryService/GetUnit";
    private const string GetOffice = "iom.directory.v1.DirectoryService/GetOffice";

    private RunningServer _server = null!;
    private HttpClient _http = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _server = await RunningServer.StartAsync("--Metrics:ScrapeCacheMilliseconds=0");
        _http = new HttpClient { BaseAddress = _server.WebAddress };
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Test]
    public async Task Scrape_CountsGrpcCallsByMethodAndStatus_InExplicitBuckets()
    {
        await _server.Directory.GetUnitAsync(new GetUnitRequest { Id = "dhrr" });
        await Api.Failure(() => _server.Directory.GetUnitAsync(new GetUnitRequest { Id = "no-such-unit" }).ResponseAsync);

        var scrape = await ScrapeAsync();
        Assert.Multiple(() =>
        {
            Assert.That(Sample(scrape, "iomdir_rpc_server_duration_seconds_count", ("rpc_method", GetUnit), ("rpc_grpc_status_code", "OK")), Is.GreaterThanOrEqualTo(1));
            Assert.That(Sample(scrape, "iomdir_rpc_server_duration_seconds_count", ("rpc_method", GetUnit), ("rpc_grpc_status_code", "NOT_FOUND")), Is.GreaterThanOrEqualTo(1));
            Assert.That(Sample(scrape, "iomdir_rpc_server_duration_seconds_bucket", ("rpc_method", GetUnit), ("rpc_grpc_status_code", "OK"), ("le", "0.00025")), Is.Not.Null);
            Assert.That(scrape, Does.Contain("http_server_request_duration_seconds_count{"));
        });
    }

    [Test]
    public async Task Scrape_AfterAWrite_ShowsTheSnapshotAtItsSequence_WithNoLag()
    {
        var unit = await _server.Directory.GetUnitAsync(new GetUnitRequest { Id = "prd" });
        await _server.Admin.UpdateUnitAsync(new UpdateUnitRequest
        {
            Id = "prd", ExpectedVersion = unit.Version, Unit = new UnitInput { Name = new LocalizedText { En = "Peace and Recovery Division (metrics)" } },
            UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "name.en" } }, Write = Api.Because("TICKET-18 metrics"),
        }, RunningServer.Bearer(_server.Token("erin.editor", IomDirectory.Server.Security.Roles.Editor)));
        var audit = await _server.Admin.ListAuditEventsAsync(
            new ListAuditEventsRequest { EntityId = "prd" }, RunningServer.Bearer(_server.Token("ann.admin", IomDirectory.Server.Security.Roles.Admin)));

        var scrape = await ScrapeAsync();
        Assert.Multiple(() =>
        {
            Assert.That(Sample(scrape, "iomdir_snapshot_sequence"), Is.EqualTo(audit.Events.Max(e => e.Sequence)));
            Assert.That(Sample(scrape, "iomdir_changefeed_lag"), Is.EqualTo(0));
            Assert.That(Sample(scrape, "iomdir_changefeed_delay_seconds_count"), Is.GreaterThanOrEqualTo(1), "the change was applied and timed");
            Assert.That(Sample(scrape, "iomdir_snapshot_age_seconds"), Is.LessThan(60));
        });
    }

    [Test]
    public async Task Scrape_LabelsGrpcWebCallsLikeHttp2Ones()
    {
        using var channel = GrpcChannel.ForAddress(_server.WebAddress!, new GrpcChannelOptions
        {
            HttpHandler = new GrpcWebHandler(GrpcWebMode.GrpcWeb, new SocketsHttpHandler()),
            HttpVersion = HttpVersion.Version11,
            HttpVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        });
        var client = new DirectoryService.DirectoryServiceClient(channel);
        await client.GetOfficeAsync(new GetOfficeRequest { Id = "ro-cairo" });
        Assert.ThrowsAsync<RpcException>(async () => await client.GetOfficeAsync(new GetOfficeRequest { Id = "no-such-office" }));

        var scrape = await ScrapeAsync();
        Assert.Multiple(() =>
        {
            Assert.That(Sample(scrape, "iomdir_rpc_server_duration_seconds_count", ("rpc_method", GetOffice), ("rpc_grpc_status_code", "OK")), Is.GreaterThanOrEqualTo(1));
            Assert.That(Sample(scrape, "iomdir_rpc_server_duration_seconds_count", ("rpc_method", GetOffice), ("rpc_grpc_status_code", "NOT_FOUND")), Is.GreaterThanOrEqualTo(1));
        });
    }

    [Test]
    public async Task Scrape_CallToNoMethod_IsUnmatchedNotItsPath()
    {
        var invented = new Method<GetUnitRequest, Unit>(MethodType.Unary, "iom.directory.v1.DirectoryService", "Invented42",
            Marshallers.Create<GetUnitRequest>(m => m.ToByteArray(), GetUnitRequest.Parser.ParseFrom), Marshallers.Create<Unit>(m => m.ToByteArray(), Unit.Parser.ParseFrom));
        var failure = await Api.Failure(() => _server.Client.AsyncUnaryCall(invented, null, default, new GetUnitRequest { Id = "dhrr" }).ResponseAsync);

        var scrape = await ScrapeAsync();
        Assert.Multiple(() =>
        {
            Assert.That(failure.Code, Is.EqualTo(StatusCode.Unimplemented));
            Assert.That(Sample(scrape, "iomdir_rpc_server_duration_seconds_count", ("rpc_method", "unmatched"), ("rpc_grpc_status_code", "UNIMPLEMENTED")), Is.GreaterThanOrEqualTo(1));
            Assert.That(scrape, Does.Not.Contain("Invented42"));
        });
    }

    private async Task<string> ScrapeAsync()
    {
        using var response = await _http.GetAsync(MetricsHosting.ScrapePath);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The value of the sample named <paramref name="name"/> that carries all <paramref name="labels"/>, or null.</summary>
    private static double? Sample(string scrape, string name, params (string Name, string Value)[] labels)
    {
        foreach (Match line in Regex.Matches(scrape, "^" + Regex.Escape(name) + @"(?:\{(?<labels>[^}]*)\})? (?<value>\S+)", RegexOptions.Multiline))
        {
            var present = line.Groups["labels"].Value;
            if (labels.All(l => present.Contains($"{l.Name}=\"{l.Value}\"", StringComparison.Ordinal)))
                return double.Parse(line.Groups["value"].Value, CultureInfo.InvariantCulture);
        }
        return null;
    }
}
