using Timestamp = Google.Protobuf.WellKnownTypes.Timestamp;
using IomDirectory.Contracts.V1;
using Grpc.Core;
using IomDirectory.Server.Security;
using IomDirectory.Server.Tests.Support;

namespace IomDirectory.Server.Tests.DirectoryApi;

/// <summary>An out-of-range Timestamp is INVALID_ARGUMENT naming the field, not INTERNAL (security review #19, finding 9).</summary>
[TestFixture]
public sealed class InvalidTimestampTests
{
    private RunningServer _server = null!;

    [OneTimeSetUp]
    public async Task Start() => _server = await RunningServer.StartAsync();

    [OneTimeTearDown]
    public async Task Stop() => await _server.DisposeAsync();

    private static IEnumerable<TestCaseData> Bad()
    {
        yield return new TestCaseData(new Timestamp { Seconds = 1_000_000_000_000_000 }).SetArgDisplayNames("seconds 10^15");
        yield return new TestCaseData(new Timestamp { Seconds = -1_000_000_000_000_000 }).SetArgDisplayNames("seconds -10^15");
        yield return new TestCaseData(new Timestamp { Seconds = 1_700_000_000, Nanos = -1 }).SetArgDisplayNames("negative nanos");
        yield return new TestCaseData(new Timestamp { Seconds = 1_700_000_000, Nanos = 1_000_000_000 }).SetArgDisplayNames("nanos of a whole second");
    }

    [TestCaseSource(nameof(Bad))]
    public async Task AnonymousRead_WithAnInvalidAsOf_IsInvalidArgumentNamingAsOf(Timestamp asOf)
    {
        var failure = await Api.Failure(() => _server.Directory.GetUnitAsync(new GetUnitRequest { Id = "pcca", AsOf = asOf }).ResponseAsync);
        Assert.That(failure.Code, Is.EqualTo(StatusCode.InvalidArgument), failure.Message);
        Assert.That(failure.Fields, Is.EqualTo(new[] { "as_of" }));
    }

    [TestCaseSource(nameof(Bad))]
    public async Task Write_WithAnInvalidEffectiveFrom_IsInvalidArgumentNamingIt(Timestamp effective)
    {
        var failure = await Api.Failure(() => _server.Admin.MoveUnitAsync(new MoveUnitRequest
        {
            Id = "pcca", ExpectedVersion = 1, NewParentUnitId = "dhrr", Write = new WriteContext { Reason = "t", EffectiveFrom = effective },
        }, RunningServer.Bearer("not even a token")).ResponseAsync);
        Assert.That(failure.Code, Is.EqualTo(StatusCode.InvalidArgument), failure.Message);
        Assert.That(failure.Fields, Is.EqualTo(new[] { "write.effective_from" }));
    }

    [Test]
    public async Task ListAuditEvents_WithAnInvalidSince_IsInvalidArgumentNamingSince()
    {
        var failure = await Api.Failure(() => _server.Admin.ListAuditEventsAsync(
            new ListAuditEventsRequest { Since = new Timestamp { Seconds = 1_000_000_000_000_000 } }, RunningServer.Bearer(_server.Token("erin", Roles.Editor))).ResponseAsync);
        Assert.That(failure.Code, Is.EqualTo(StatusCode.InvalidArgument), failure.Message);
        Assert.That(failure.Fields, Is.EqualTo(new[] { "since" }));
    }

    [Test]
    public async Task ExportDirectory_WithAnInvalidAsOf_IsInvalidArgumentNamingAsOf()
    {
        var failure = await Api.Failure(async () =>
        {
            await foreach (var _ in Api.Stream(() => _server.Admin.ExportDirectory(new ExportDirectoryRequest { AsOf = new Timestamp { Seconds = 5, Nanos = -5 } }, RunningServer.Bearer(_server.Token("erin", Roles.Reader)))))
            {
            }
        });
        Assert.That(failure.Code, Is.EqualTo(StatusCode.InvalidArgument), failure.Message);
        Assert.That(failure.Fields, Is.EqualTo(new[] { "as_of" }));
    }
}
