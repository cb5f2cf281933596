using System.Net;
using System.Net.Http.Headers;
using FieldMask = Google.Protobuf.WellKnownTypes.FieldMask;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Web;
using IomDirectory.Contracts.V1;
using IomDirectory.Server.Security;
using IomDirectory.Server.Tests.Support;
using IomDirectory.TestIdentityProvider;
using Microsoft.IdentityModel.Tokens;

namespace IomDirectory.Server.Tests.Security;

/// <summary>
/// Bearer tokens from a real OpenID Connect provider (the OpenIddict test provider on loopback) on the real server:
/// people and applications get in with their mapped role, every kind of bad token is UNAUTHENTICATED.
/// </summary>
[TestFixture]
public sealed class OidcTokenTests
{
    private SignInServer _signIn = null!;
    private RunningServer Server => _signIn.Server;
    private ProviderClient Tokens => _signIn.Tokens;

    [OneTimeSetUp]
    public async Task Start() => _signIn = await SignInServer.StartAsync();

    [OneTimeTearDown]
    public async Task Stop() => await _signIn.DisposeAsync();

    private Task<Unit> Rename(AdminService.AdminServiceClient client, string token, string id, string name, long version) =>
        client.UpdateUnitAsync(new UpdateUnitRequest
        {
            Id = id, ExpectedVersion = version, Unit = new UnitInput { Name = new LocalizedText { En = name } },
            UpdateMask = new FieldMask { Paths = { "name.en" } }, Write = Api.Because("OIDC-1"),
        }, RunningServer.Bearer(token)).ResponseAsync;

    private Task<Unit> Get(string id) => Server.Directory.GetUnitAsync(new GetUnitRequest { Id = id }).ResponseAsync;

    private async Task<AuditEvent> LastAuditOf(string id) =>
        (await Server.Admin.ListAuditEventsAsync(new ListAuditEventsRequest { EntityId = id }, RunningServer.Bearer(Server.Token("ann.admin", Roles.Admin)))).Events.First();   // newest first

    [Test]
    public async Task Editor_signed_in_at_the_provider_edits_over_gRPC_and_the_audit_names_them()
    {
        var token = await Tokens.PersonTokenAsync(TestDirectory.Erin);
        var before = await Get("prd");
        await Rename(Server.Admin, token, "prd", "Peace and Recovery Division (OIDC)", before.Version);

        var e = await LastAuditOf("prd");
        Assert.Multiple(() =>
        {
            Assert.That(e.Actor, Is.EqualTo($"Erin Editor ({TestDirectory.Erin.Subject})"), "the provider's display name and subject");
            Assert.That(e.ActorRole, Is.EqualTo(Roles.Editor), "the roles claim, mapped");
        });
    }

    [Test]
    public async Task Editor_edits_over_gRPC_Web_with_the_same_token()
    {
        var token = await Tokens.PersonTokenAsync(TestDirectory.Erin);
        using var channel = GrpcChannel.ForAddress(Server.WebAddress!, new GrpcChannelOptions
        {
            HttpHandler = new GrpcWebHandler(GrpcWebMode.GrpcWeb, new SocketsHttpHandler()),
            HttpVersion = HttpVersion.Version11,
            HttpVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        });
        var before = await Get("hod");
        var updated = await Rename(new AdminService.AdminServiceClient(channel), token, "hod", "Office of the Director General (gRPC-Web)", before.Version);

        Assert.That(updated.Version, Is.EqualTo(before.Version + 1));
        Assert.That((await LastAuditOf("hod")).Actor, Does.StartWith("Erin Editor ("));
    }

    [Test]
    public async Task Helpdesk_application_reads_JSON_with_its_client_credentials_token_and_its_reader_role_cannot_write()
    {
        var token = await Tokens.ApplicationTokenAsync(TestDirectory.HelpdeskReader);
        using var http = new HttpClient { BaseAddress = Server.WebAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/units/pcca");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await http.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());

        var before = await Get("pcca");
        var failure = await Api.Failure(() => Rename(Server.Admin, token, "pcca", "x", before.Version));
        Assert.That(failure.Code, Is.EqualTo(StatusCode.PermissionDenied), failure.Message);
        Assert.That(failure.Message, Does.Contain("directory.editor").And.Contain("Helpdesk lookup tool"));
    }

    [Test]
    public async Task Helpdesk_application_with_the_editor_app_role_writes_and_is_named_in_the_audit()
    {
        var token = await Tokens.ApplicationTokenAsync(TestDirectory.HelpdeskEditor);
        var before = await Get("dhrr");
        await Rename(Server.Admin, token, "dhrr", "Department of Humanitarian Response and Recovery (sync)", before.Version);
        Assert.That((await LastAuditOf("dhrr")).Actor, Is.EqualTo("Helpdesk sync tool (helpdesk-editor)"));
    }

    [Test]
    public async Task Reader_person_token_cannot_write()
    {
        var token = await Tokens.PersonTokenAsync(TestDirectory.Rita);
        var before = await Get("pcca");
        var failure = await Api.Failure(() => Rename(Server.Admin, token, "pcca", "x", before.Version));
        Assert.That(failure.Code, Is.EqualTo(StatusCode.PermissionDenied), failure.Message);
    }

    [Test]
    public async Task A_role_claim_the_mapping_does_not_read_grants_nothing()
    {
        var token = Tokens.Forge(c => { c.Remove("roles"); c["role"] = "directory.admin"; c["groups"] = new[] { "directory.admin" }; });
        var before = await Get("pcca");
        var failure = await Api.Failure(() => Rename(Server.Admin, token, "pcca", "x", before.Version));
        Assert.That(failure.Code, Is.EqualTo(StatusCode.PermissionDenied), failure.Message);
        Assert.That(failure.Message, Does.Contain("no directory role"));
    }

    [Test]
    public async Task A_local_key_token_still_works_beside_the_provider()
    {
        var before = await Get("pcca");
        var updated = await Rename(Server.Admin, Server.Token("lou.local", Roles.Editor), "pcca", "PCCA (local key)", before.Version);
        Assert.That(updated.Version, Is.EqualTo(before.Version + 1));
        Assert.That((await LastAuditOf("pcca")).Actor, Is.EqualTo("lou.local"));
    }

    public static IEnumerable<TestCaseData> BadTokens()
    {
        yield return Case("expired", t => t.Forge(issuedAt: DateTime.UtcNow.AddHours(-2), lifetime: TimeSpan.FromHours(1)), "expired");
        yield return Case("not yet valid", t => t.Forge(c => c["nbf"] = EpochTime.GetIntDate(DateTime.UtcNow.AddHours(1)), lifetime: TimeSpan.FromHours(2)), "not valid yet");
        yield return Case("wrong audience", t => t.Forge(c => c["aud"] = "api://another-app"), "another audience");
        yield return Case("wrong issuer", t => t.Forge(c => c["iss"] = "https://login.example.org/evil/v2.0"), "issuer");
        yield return Case("alg none", t => t.Unsigned(), "");
        yield return Case("HS256 keyed with the provider's public key", t => t.SignedWithPublicKeyAsHmac(), "");
        yield return Case("unknown kid", t => t.Forge(key: new RsaSecurityKey(System.Security.Cryptography.RSA.Create(2048)) { KeyId = "not-published" }), "signing key");
        yield return Case("no exp", t => t.Forge(c => c.Remove("exp")), "");
        yield return Case("lifetime above the cap", t => t.Forge(lifetime: TimeSpan.FromDays(30)), "lifetime");
        yield return Case("over-long", t => t.Forge(c => c["padding"] = new string('x', 20_000)), "longer than");
        yield return Case("not a JWT", _ => "not-a-token", "malformed");
        yield return Case("an ID token (nonce) used as an access token", t => t.Forge(c => c["nonce"] = "from-the-web-sign-in"), "ID token");

        static TestCaseData Case(string name, Func<ProviderClient, string> token, string reason) =>
            new TestCaseData(token, reason).SetArgDisplayNames(name);
    }

    [TestCaseSource(nameof(BadTokens))]
    public async Task A_bad_token_is_UNAUTHENTICATED_with_the_reason(Func<ProviderClient, string> token, string reason)
    {
        var before = await Get("pcca");
        var failure = await Api.Failure(() => Rename(Server.Admin, token(Tokens), "pcca", "x", before.Version));
        Assert.That(failure.Code, Is.EqualTo(StatusCode.Unauthenticated), failure.Message);
        Assert.That(failure.Message, Does.StartWith("The bearer token was rejected: ").And.Contain(reason));
    }

    [Test]
    public async Task A_bad_token_on_an_anonymous_read_still_gets_the_answer()
    {
        var unit = await Server.Directory.GetUnitAsync(new GetUnitRequest { Id = "dhrr" }, RunningServer.Bearer(Tokens.Unsigned()));
        Assert.That(unit.Id, Is.EqualTo("dhrr"));
    }
}
