using System.Net;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using IomDirectory.TestIdentityProvider;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IomDirectory.Server.Tests.Support;

/// <summary>
/// Gets real tokens from the test provider over its real endpoints (client credentials; the device grant with a
/// person signing in at its login form and approving the code), and forges bad ones for the validation tests.
/// </summary>
public sealed class ProviderClient(OidcTestProvider provider)
{
    public OidcTestProvider Provider { get; } = provider;

    /// <summary>An application's access token (client-credentials grant).</summary>
    public async Task<string> ApplicationTokenAsync(TestApplication application)
    {
        using var http = new HttpClient { BaseAddress = Provider.Authority };
        var response = await http.PostAsync("connect/token", Form(("grant_type", "client_credentials"),
            ("client_id", application.ClientId), ("client_secret", application.Secret)));
        return (await JsonAsync(response)).GetProperty("access_token").GetString()!;
    }

    /// <summary>A person's access token: device authorization, the person signs in and approves the code, the device polls.</summary>
    public async Task<string> PersonTokenAsync(TestUser user)
    {
        using var http = new HttpClient { BaseAddress = Provider.Authority };
        var device = await JsonAsync(await http.PostAsync("connect/device", Form(("client_id", TestDirectory.CliClientId), ("scope", "openid profile"))));
        await ApproveDeviceAsync(user, device.GetProperty("user_code").GetString()!);
        var token = await http.PostAsync("connect/token", Form(("grant_type", "urn:ietf:params:oauth:grant-type:device_code"),
            ("client_id", TestDirectory.CliClientId), ("device_code", device.GetProperty("device_code").GetString()!)));
        return (await JsonAsync(token)).GetProperty("access_token").GetString()!;
    }

    /// <summary>What the person does in a browser: sign in at the provider's form, then approve the code the device shows.</summary>
    public async Task ApproveDeviceAsync(TestUser user, string userCode)
    {
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = Provider.Authority };
        var login = await browser.PostAsync("login", Form(("username", user.UserName), ("password", user.Password), ("returnUrl", "/connect/verify")));
        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "the person signs in at the provider");
        var approve = await browser.PostAsync("connect/verify", Form(("user_code", userCode)));
        Assert.That(approve.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await approve.Content.ReadAsStringAsync());
        Assert.That(approve.Headers.Location?.ToString(), Does.EndWith("/device-done"));
    }

    /// <summary>
    /// A token signed with the provider's own current key (or <paramref name="key"/>), with these claims, for the cases a
    /// real provider would not issue: expired, another audience, another issuer, a claim it would not put there.
    /// </summary>
    public string Forge(Action<Dictionary<string, object>>? change = null, SecurityKey? key = null, string algorithm = SecurityAlgorithms.RsaSha256,
        DateTime? issuedAt = null, TimeSpan? lifetime = null)
    {
        var iat = issuedAt ?? DateTime.UtcNow;
        var claims = new Dictionary<string, object>
        {
            ["iss"] = Provider.Issuer,
            ["aud"] = TestDirectory.ApiAudience,
            ["sub"] = TestDirectory.Erin.Subject,
            ["name"] = TestDirectory.Erin.DisplayName,
            ["roles"] = new[] { "directory.editor" },
            ["iat"] = EpochTime.GetIntDate(iat),
            ["nbf"] = EpochTime.GetIntDate(iat),
            ["exp"] = EpochTime.GetIntDate(iat + (lifetime ?? TimeSpan.FromMinutes(10))),
        };
        change?.Invoke(claims);
        var descriptor = new SecurityTokenDescriptor
        {
            Claims = claims,
            SigningCredentials = new SigningCredentials(key ?? Provider.SigningKey, algorithm),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>An unsigned token (alg none) with the claims of a good editor token.</summary>
    public string Unsigned()
    {
        var signed = Forge();
        var payload = signed.Split('.')[1];
        return Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + payload + ".";
    }

    /// <summary>The classic confusion attack: HS256 keyed with the provider's public key (its PEM), naming the provider's kid.</summary>
    public string SignedWithPublicKeyAsHmac()
    {
        var rsa = Provider.SigningKey.Rsa;
        var secret = new SymmetricSecurityKey(Encoding.ASCII.GetBytes(rsa.ExportSubjectPublicKeyInfoPem())) { KeyId = Provider.SigningKey.KeyId };
        return Forge(key: secret, algorithm: SecurityAlgorithms.HmacSha256);
    }

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, Is.True, $"{(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
