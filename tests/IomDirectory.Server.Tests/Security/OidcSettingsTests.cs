using System.Security.Claims;
using IomDirectory.Security;
using IomDirectory.Server.Security;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IomDirectory.Server.Tests.Security;

/// <summary>The role mapping, the settings checked at start-up, and which scheme a token is sent to: pure logic, no server.</summary>
[TestFixture]
public sealed class OidcSettingsTests
{
    private static ClaimsPrincipal With(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "test"));

    [Test]
    public void By_default_the_roles_claim_maps_the_local_role_names_and_nothing_else()
    {
        var mapping = RoleMapping.From(new OidcSettings { Authority = "https://login.example.org/t/v2.0", Audience = "api://x" });
        Assert.That(mapping.RolesOf(With(("roles", "directory.editor"), ("roles", "Other.Role"))), Is.EqualTo(new[] { Roles.Editor }));
        Assert.That(mapping.RolesOf(With(("role", "directory.admin"), ("groups", "directory.admin"))), Is.Empty, "only the configured claim counts");
    }

    [Test]
    public void Groups_named_in_configuration_map_to_roles_and_the_defaults_no_longer_apply()
    {
        var settings = new OidcSettings
        {
            Authority = "https://login.example.org/t/v2.0", Audience = "api://x", RoleClaims = ["groups"],
            RoleMap = new() { ["3f1c2b7e-0000-4000-8000-000000000001"] = "admin", ["3f1c2b7e-0000-4000-8000-000000000002"] = "directory.reader" },
        };
        var mapping = RoleMapping.From(settings);
        Assert.That(mapping.RolesOf(With(("groups", "3f1c2b7e-0000-4000-8000-000000000001"))), Is.EqualTo(new[] { Roles.Admin }));
        Assert.That(mapping.RolesOf(With(("groups", "directory.editor"), ("roles", "directory.editor"))), Is.Empty);
    }

    [TestCase("http://idp.example.org/", "only a loopback authority")]
    [TestCase("ftp://idp.example.org/", "not an https:// URL")]
    [TestCase("login.example.org", "not an https:// URL")]
    public void An_authority_that_is_not_https_or_loopback_http_stops_start_up(string authority, string message) =>
        Assert.That(() => new OidcSettings { Authority = authority, Audience = "api://x" }.Validate(),
            Throws.ArgumentException.With.Message.Contain(message));

    [TestCase("http://127.0.0.1:5090/")]
    [TestCase("http://localhost:5090/")]
    [TestCase("http://[::1]:5090/")]
    [TestCase("https://login.microsoftonline.com/tenant/v2.0")]
    public void A_loopback_http_or_any_https_authority_is_accepted(string authority) =>
        Assert.That(() => new OidcSettings { Authority = authority, Audience = "api://x" }.Validate(), Throws.Nothing);

    [Test]
    public void Other_settings_that_cannot_work_stop_start_up_naming_the_setting()
    {
        OidcSettings Good() => new() { Authority = "https://idp.example.org/", Audience = "api://x" };
        Assert.Multiple(() =>
        {
            Assert.That(() => new OidcSettings { Authority = "https://idp.example.org/" }.Validate(), Throws.ArgumentException.With.Message.Contain("--Oidc:Audience"));
            var hmac = Good(); hmac.Algorithms = ["HS256"];
            Assert.That(hmac.Validate, Throws.ArgumentException.With.Message.Contain("--Oidc:Algorithms"));
            var none = Good(); none.Algorithms = ["none"];
            Assert.That(none.Validate, Throws.ArgumentException.With.Message.Contain("--Oidc:Algorithms"));
            var role = Good(); role.RoleMap = new() { ["g"] = "superuser" };
            Assert.That(role.Validate, Throws.ArgumentException.With.Message.Contain("--Oidc:RoleMap:g"));
            var size = Good(); size.MaxTokenLength = 10_000_000;
            Assert.That(size.Validate, Throws.ArgumentException.With.Message.Contain("--Oidc:MaxTokenLength"));
            var wait = Good(); wait.DiscoveryTimeout = TimeSpan.FromMinutes(5);
            Assert.That(wait.Validate, Throws.ArgumentException.With.Message.Contain("--Oidc:DiscoveryTimeout"));
            var session = Good(); session.Web = new OidcWebSettings { ClientId = "web", SessionLifetime = TimeSpan.FromDays(30) };
            Assert.That(session.Validate, Throws.ArgumentException.With.Message.Contain("--Oidc:Web:SessionLifetime"));
        });
    }

    [Test]
    public void A_token_goes_to_the_local_key_only_when_the_local_key_could_have_signed_it()
    {
        var schemes = new TokenSchemes(new JwtSettings(), new OidcSettings { Authority = "https://idp.example.org/", Audience = "api://x" });
        var local = LocalTokenIssuer.Mint(new byte[32], "erin", Roles.Editor, TimeSpan.FromMinutes(5));
        var rsaWithLocalIssuer = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = LocalDefaults.Issuer,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(System.Security.Cryptography.RSA.Create(2048)), SecurityAlgorithms.RsaSha256),
        });
        Assert.Multiple(() =>
        {
            Assert.That(schemes.Choose("Bearer " + local).Scheme, Is.EqualTo(TokenSchemes.LocalKey));
            Assert.That(schemes.Choose("Bearer " + rsaWithLocalIssuer).Scheme, Is.EqualTo(TokenSchemes.Oidc));
            Assert.That(schemes.Choose("Basic dXNlcjpwYXNz").Failure, Does.Contain("not a bearer token"));
            Assert.That(schemes.Choose("Bearer " + new string('a', 20_000)).Failure, Does.Contain("longer than"));
        });
        var providerOnly = new TokenSchemes(new JwtSettings { Enabled = false }, new OidcSettings { Authority = "https://idp.example.org/", Audience = "api://x" });
        Assert.That(providerOnly.Choose("Bearer " + local).Scheme, Is.EqualTo(TokenSchemes.Oidc), "with the local key off, nothing reaches it");
    }
}
