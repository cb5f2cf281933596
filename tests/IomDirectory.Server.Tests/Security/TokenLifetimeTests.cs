using System.Security.Claims;
using IomDirectory.Contracts.V1;
using Grpc.Core;
using IomDirectory.Security;
using IomDirectory.Server.Security;
using IomDirectory.Server.Tests.Cli;
using IomDirectory.Server.Tests.Support;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IomDirectory.Server.Tests.Security;

/// <summary>Token lifetimes are capped by the server and by iomdir token, and tokens carry a jti (security review #19, finding 10).</summary>
[TestFixture]
public sealed class TokenLifetimeTests
{
    private RunningServer _server = null!;

    [OneTimeSetUp]
    public async Task Start() => _server = await RunningServer.StartAsync();

    [OneTimeTearDown]
    public async Task Stop() => await _server.DisposeAsync();

    private Task<(StatusCode Code, string Message, IReadOnlyList<string> Fields)> AuditWith(string token) =>
        Api.Failure(() => _server.Admin.ListAuditEventsAsync(new ListAuditEventsRequest(), RunningServer.Bearer(token)).ResponseAsync);

    private byte[] Key => SigningKey.Read(_server.KeyFile);

    [Test]
    public async Task HundredYearAdminToken_IsUnauthenticated()
    {
        var failure = await AuditWith(_server.Token("mallory", Roles.Admin, TimeSpan.FromDays(36_500)));
        Assert.That(failure.Code, Is.EqualTo(StatusCode.Unauthenticated));
        Assert.That(failure.Message, Does.Contain("lifetime").And.Contain("24 h"));
    }

    [Test]
    public async Task TokenWithinTheCap_IsAccepted()
    {
        var events = await _server.Admin.ListAuditEventsAsync(new ListAuditEventsRequest(), RunningServer.Bearer(_server.Token("alice", Roles.Editor, TimeSpan.FromHours(23))));
        Assert.That(events, Is.Not.Null);
    }

    [Test]
    public async Task TokenWithoutIssueTime_IsUnauthenticated()
    {
        var token = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = LocalDefaults.Issuer,
            Audience = LocalDefaults.Audience,
            Expires = DateTime.UtcNow.AddMinutes(10),
            Subject = new ClaimsIdentity([new Claim("sub", "mallory"), new Claim("role", Roles.Admin)]),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Key), SecurityAlgorithms.HmacSha256),
        });
        var failure = await AuditWith(token);
        Assert.That(failure.Code, Is.EqualTo(StatusCode.Unauthenticated));
        Assert.That(failure.Message, Does.Contain("iat"));
    }

    [Test]
    public async Task TokenWithoutExpiry_IsUnauthenticated()
    {
        var token = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = LocalDefaults.Issuer,
            Audience = LocalDefaults.Audience,
            IssuedAt = DateTime.UtcNow,
            Subject = new ClaimsIdentity([new Claim("sub", "mallory"), new Claim("role", Roles.Admin)]),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Key), SecurityAlgorithms.HmacSha256),
        });
        Assert.That((await AuditWith(token)).Code, Is.EqualTo(StatusCode.Unauthenticated));
    }

    [Test]
    public async Task TokenIssuedInTheFuture_IsUnauthenticated()
    {
        // iat a year ahead with exp a day after it: within the cap, but valid for a year from now.
        var issued = DateTime.UtcNow.AddYears(1);
        var token = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = LocalDefaults.Issuer,
            Audience = LocalDefaults.Audience,
            IssuedAt = issued,
            Expires = issued.AddHours(1),
            Subject = new ClaimsIdentity([new Claim("sub", "mallory"), new Claim("role", Roles.Admin)]),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Key), SecurityAlgorithms.HmacSha256),
        });
        Assert.That((await AuditWith(token)).Code, Is.EqualTo(StatusCode.Unauthenticated));
    }

    [Test]
    public async Task ConfiguredCap_IsTheOneApplied()
    {
        await using var strict = await RunningServer.StartAsync("--Jwt:MaxTokenLifetime", "00:30:00");
        var failure = await Api.Failure(() => strict.Admin.ListAuditEventsAsync(
            new ListAuditEventsRequest(), RunningServer.Bearer(strict.Token("alice", Roles.Editor, TimeSpan.FromHours(1)))).ResponseAsync);
        Assert.That(failure.Code, Is.EqualTo(StatusCode.Unauthenticated));
        Assert.That(failure.Message, Does.Contain("0.5 h"));
    }

    [Test]
    public void MintedTokens_CarryAUniqueJti()
    {
        var first = new JsonWebToken(_server.Token("alice", Roles.Editor));
        var second = new JsonWebToken(_server.Token("alice", Roles.Editor));
        Assert.That(first.Id, Is.Not.Empty);
        Assert.That(second.Id, Is.Not.EqualTo(first.Id));
    }

    [Test]
    public async Task IomdirToken_WithALifetimeAboveTheCap_IsAUsageError()
    {
        var outcome = await Iomdir.RunAsync("token", "--name", "mallory", "--role", "admin", "--lifetime", "36500d", "--db", _server.DatabasePath);
        Assert.That(outcome.ExitCode, Is.EqualTo(2), outcome.ToString());
        Assert.That(outcome.Stdout, Is.Empty);
        Assert.That(outcome.Stderr, Does.Contain("--lifetime").And.Contain("24h"));
    }
}
