using IomDirectory.Contracts.V1;
using Grpc.Core;
using IomDirectory.Contracts.Transport;
using IomDirectory.Server.Security;
using IomDirectory.Server.Tests.Support;

namespace IomDirectory.Server.Tests.Admin;

/// <summary>Each role against each kind of AdminService call, and every way a token can be bad.</summary>
[TestFixture]
public sealed class AdminAccessTests
{
    private RunningServer _server = null!;

    [OneTimeSetUp]
    public async Task Start() => _server = await RunningServer.StartAsync();

    [OneTimeTearDown]
    public async Task Stop() => await _server.DisposeAsync();

    [TestCase(Roles.Reader, "edit", false)]
    [TestCase(Roles.Editor, "edit", true)]
    [TestCase(Roles.Admin, "edit", true)]
    [TestCase(Roles.Reader, "coverage", false)]
    [TestCase(Roles.Editor, "coverage", false)]
    [TestCase(Roles.Admin, "coverage", true)]
    [TestCase(Roles.Reader, "audit", false)]
    [TestCase(Roles.Editor, "audit", true)]
    public async Task Role_AgainstKindOfCall_IsAllowedOrPermissionDenied(string role, string call, bool allowed)
    {
        var token = _server.Token("alice", role);
        Func<Task> act = call switch
        {
            "edit" => () => _server.Admin.UpdateUnitAsync(new UpdateUnitRequest
            {
                Id = "pcca", ExpectedVersion = 999, Unit = new UnitInput { Name = new LocalizedText { En = "x" } },
                UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "name.en" } }, Write = Api.Because("role test"),
            }, RunningServer.Bearer(token)).ResponseAsync,
            "coverage" => () => _server.Admin.SetCoverageAsync(new SetCoverageRequest
            {
                OfficeId = "sro-pretoria", CountryCodes = { "ZZ" }, Write = Api.Because("role test"),
            }, RunningServer.Bearer(token)).ResponseAsync,
            _ => () => _server.Admin.ListAuditEventsAsync(new ListAuditEventsRequest(), RunningServer.Bearer(token)).ResponseAsync,
        };
        var code = await CodeOf(act);
        if (allowed)
            Assert.That(code, Is.Not.EqualTo(StatusCode.PermissionDenied).And.Not.EqualTo(StatusCode.Unauthenticated), "the role passes; the call may then fail on its own merits");
        else
            Assert.That(code, Is.EqualTo(StatusCode.PermissionDenied));
    }

    [Test]
    public async Task NoToken_IsUnauthenticated()
    {
        var failure = await Api.Failure(() => _server.Admin.ListAuditEventsAsync(new ListAuditEventsRequest()).ResponseAsync);
        Assert.That(failure.Code, Is.EqualTo(StatusCode.Unauthenticated));
        Assert.That(failure.Message, Does.Contain("bearer token"));
    }

    [Test]
    public async Task ExpiredToken_IsUnauthenticated()
    {
        var token = _server.Token("alice", Roles.Admin, TimeSpan.FromMinutes(5), issuedAt: DateTime.UtcNow.AddHours(-1));
        var failure = await Api.Failure(() => _server.Admin.ListAuditEventsAsync(new ListAuditEventsRequest(), RunningServer.Bearer(token)).ResponseAsync);
        Assert.That(failure.Code, Is.EqualTo(StatusCode.Unauthenticated));
        Assert.That(failure.Message, Does.Contain("expired"));
    }

    [Test]
    public async Task ForgedToken_IsUnauthenticated()
    {
        var forged = IomDirectory.Security.LocalTokenIssuer.Mint(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32), "mallory", Roles.Admin, TimeSpan.FromMinutes(5));
        var failure = await Api.Failure(() => _server.Admin.ListAuditEventsAsync(new ListAuditEventsRequest(), RunningServer.Bearer(forged)).ResponseAsync);
        Assert.That(failure.Code, Is.EqualTo(StatusCode.Unauthenticated));
        Assert.That(failure.Message, Does.Contain("signature"));
    }

    [Test]
    public async Task TokenForAnotherAudience_IsUnauthenticated()
    {
        var token = _server.Token("alice", Roles.Admin, audience: "someone-else");
        var failure = await Api.Failure(() => _server.Admin.ListAuditEventsAsync(new ListAuditEventsRequest(), RunningServer.Bearer(token)).ResponseAsync);
        Assert.That(failure.Code, Is.EqualTo(StatusCode.Unauthenticated));
        Assert.That(failure.Message, Does.Contain("audience"));
    }

    [Test]
    public async Task GarbageToken_IsUnauthenticated()
    {
        var failure = await Api.Failure(() => _server.Admin.ListAuditEventsAsync(new ListAuditEventsRequest(), RunningServer.Bearer("not-a-jwt")).ResponseAsync);
        Assert.That(failure.Code, Is.EqualTo(StatusCode.Unauthenticated));
    }

    [Test]
    public async Task CallerOfOneCall_DoesNotCarryOverToTheNextCallOnTheSameConnection()
    {
        var admin = _server.Token("ann", Roles.Admin);
        await _server.Admin.ListAuditEventsAsync(new ListAuditEventsRequest(), RunningServer.Bearer(admin));
        var anonymous = await Api.Failure(() => _server.Admin.ListAuditEventsAsync(new ListAuditEventsRequest()).ResponseAsync);
        Assert.That(anonymous.Code, Is.EqualTo(StatusCode.Unauthenticated));
    }

    [Test]
    public async Task Reads_AreAnonymousByDefault() =>
        Assert.That((await _server.Directory.GetUnitAsync(new GetUnitRequest { Id = "dhrr" })).Id, Is.EqualTo("dhrr"));

    [Test]
    public async Task Reads_CanBeSwitchedToRequireTheReaderRole()
    {
        await using var locked = await RunningServer.StartAsync("--Jwt:RequireReaderRole=true");
        var anonymous = await Api.Failure(() => locked.Directory.GetUnitAsync(new GetUnitRequest { Id = "dhrr" }).ResponseAsync);
        var reader = await locked.Directory.GetUnitAsync(new GetUnitRequest { Id = "dhrr" },
            RunningServer.Bearer(locked.Token("bob", Roles.Reader)));
        Assert.That(anonymous.Code, Is.EqualTo(StatusCode.Unauthenticated));
        Assert.That(reader.Id, Is.EqualTo("dhrr"));
    }

    private static async Task<StatusCode> CodeOf(Func<Task> call)
    {
        try
        {
            await call();
            return StatusCode.OK;
        }
        catch (RpcException ex)
        {
            return ex.StatusCode;
        }
    }
}
