using System.Net;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;

namespace IomDirectory.Cli.SignIn;

/// <summary>
/// The OAuth 2.0 device authorization grant (RFC 8628) against the provider's discovered endpoints, and the refresh
/// of a stored sign-in. Each request waits at most <see cref="RequestTimeout"/>; https only, except a loopback provider.
/// </summary>
public sealed class DeviceSignIn : IDisposable
{
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Renewed this long before it expires, so a call never starts with a token about to lapse.</summary>
    public static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(1);

    private readonly HttpClient _http = new() { Timeout = RequestTimeout, MaxResponseContentBufferSize = 1024 * 1024 };

    public static Uri CheckAuthority(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
            throw new CliFailure(ExitCodes.Usage, $"--authority: '{value}' is not an https:// URL (http:// only for a loopback provider)");
        return uri;
    }

    /// <summary>Runs the device grant: asks for a code, shows it on stderr, polls until the person approves it, declines it or it expires.</summary>
    public async Task<StoredSignIn> SignInAsync(Uri authority, string clientId, string scope, TextWriter show, CancellationToken cancellation)
    {
        var discovery = await JsonAsync(await SendAsync(() => _http.GetAsync(authority.AbsoluteUri.TrimEnd('/') + "/.well-known/openid-configuration", cancellation), authority), authority);
        var deviceEndpoint = Endpoint(discovery, "device_authorization_endpoint", authority);
        var tokenEndpoint = Endpoint(discovery, "token_endpoint", authority);

        var device = await JsonAsync(await SendAsync(() => _http.PostAsync(deviceEndpoint, Form(("client_id", clientId), ("scope", scope)), cancellation), authority), authority);
        var userCode = device.GetProperty("user_code").GetString();
        show.WriteLine($"To sign in, open {device.GetProperty("verification_uri").GetString()} and enter the code {userCode}");
        if (device.TryGetProperty("verification_uri_complete", out var complete))
            show.WriteLine($"(or open {complete.GetString()})");
        show.WriteLine("Waiting for the sign-in to be approved (Ctrl+C stops)…");
        show.Flush();

        var interval = TimeSpan.FromSeconds(device.TryGetProperty("interval", out var i) && i.TryGetInt32(out var s) && s > 0 ? s : 5);
        var deadline = DateTimeOffset.UtcNow.AddSeconds(device.TryGetProperty("expires_in", out var e) && e.TryGetInt32(out var x) ? x : 600);
        var deviceCode = device.GetProperty("device_code").GetString()!;
        while (true)
        {
            if (DateTimeOffset.UtcNow > deadline)
                throw new CliFailure(ExitCodes.Unauthorized, "the code expired before the sign-in was approved; run 'iomdir login' again");
            await Task.Delay(interval, cancellation);
            var response = await SendAsync(() => _http.PostAsync(tokenEndpoint, Form(("grant_type", "urn:ietf:params:oauth:grant-type:device_code"),
                ("device_code", deviceCode), ("client_id", clientId)), cancellation), authority);
            var body = await ReadAsync(response, authority);
            if (response.IsSuccessStatusCode)
                return Stored(authority, clientId, tokenEndpoint, body, null);
            switch (body.TryGetProperty("error", out var error) ? error.GetString() : null)
            {
                case "authorization_pending":
                    continue;
                case "slow_down":
                    interval += TimeSpan.FromSeconds(5);
                    continue;
                case "access_denied":
                    throw new CliFailure(ExitCodes.Unauthorized, "the sign-in was declined");
                case "expired_token":
                    throw new CliFailure(ExitCodes.Unauthorized, "the code expired before the sign-in was approved; run 'iomdir login' again");
                default:
                    throw new CliFailure(ExitCodes.Unauthorized, $"the identity provider refused the sign-in: {Describe(body, response)}");
            }
        }
    }

    /// <summary>A new access token for a stored sign-in (refresh-token grant), or a failure saying to sign in again.</summary>
    public async Task<StoredSignIn> RefreshAsync(StoredSignIn stored, CancellationToken cancellation)
    {
        if (stored.RefreshToken is null)
            throw new CliFailure(ExitCodes.Unauthorized, "the stored sign-in has expired; run 'iomdir login' again");
        var authority = new Uri(stored.Authority);
        var response = await SendAsync(() => _http.PostAsync(stored.TokenEndpoint, Form(("grant_type", "refresh_token"),
            ("refresh_token", stored.RefreshToken), ("client_id", stored.ClientId)), cancellation), authority);
        var body = await ReadAsync(response, authority);
        if (!response.IsSuccessStatusCode)
            throw new CliFailure(ExitCodes.Unauthorized, $"the stored sign-in could not be renewed ({Describe(body, response)}); run 'iomdir login' again");
        return Stored(authority, stored.ClientId, stored.TokenEndpoint, body, stored.RefreshToken);
    }

    public void Dispose() => _http.Dispose();

    private static StoredSignIn Stored(Uri authority, string clientId, string tokenEndpoint, JsonElement body, string? previousRefresh)
    {
        var access = body.GetProperty("access_token").GetString()!;
        var lifetime = body.TryGetProperty("expires_in", out var e) && e.TryGetInt32(out var s) ? s : 3600;
        var refresh = body.TryGetProperty("refresh_token", out var r) ? r.GetString() : previousRefresh;
        return new StoredSignIn(authority.AbsoluteUri, clientId, tokenEndpoint, access, refresh, DateTimeOffset.UtcNow.AddSeconds(lifetime), NameIn(access, body));
    }

    /// <summary>The person's name for messages, read (not validated: the server does that) from the ID token or the access token.</summary>
    private static string NameIn(string access, JsonElement body)
    {
        foreach (var token in new[] { body.TryGetProperty("id_token", out var id) ? id.GetString() : null, access })
        {
            try
            {
                if (token is not null && new JsonWebToken(token) is var jwt)
                    foreach (var claim in new[] { "name", "preferred_username", "sub" })
                        if (jwt.TryGetPayloadValue<string>(claim, out var value) && value.Length > 0) return value;
            }
            catch (ArgumentException)
            {
                // an opaque access token: no name to show
            }
        }
        return "you";
    }

    private static string Endpoint(JsonElement discovery, string name, Uri authority)
    {
        if (!discovery.TryGetProperty(name, out var value) || value.GetString() is not { } url)
            throw new CliFailure(ExitCodes.Failed, $"the identity provider at {authority} has no {name} (is the device sign-in enabled for it?)");
        CheckAuthority(url);
        return url;
    }

    private static async Task<HttpResponseMessage> SendAsync(Func<Task<HttpResponseMessage>> send, Uri authority)
    {
        try
        {
            return await send();
        }
        catch (HttpRequestException ex)
        {
            throw new CliFailure(ExitCodes.Unavailable, $"cannot reach the identity provider at {authority}: {ex.Message}");
        }
        catch (TaskCanceledException ex) when (ex.InnerException is TimeoutException)
        {
            throw new CliFailure(ExitCodes.Unavailable, $"the identity provider at {authority} did not answer within {RequestTimeout.TotalSeconds:0} s");
        }
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, Uri authority)
    {
        var body = await ReadAsync(response, authority);
        if (!response.IsSuccessStatusCode)
            throw new CliFailure(ExitCodes.Failed, $"the identity provider at {authority} refused: {Describe(body, response)}");
        return body;
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, Uri authority)
    {
        try
        {
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new CliFailure(ExitCodes.Failed, $"the identity provider at {authority} answered HTTP {(int)response.StatusCode} without JSON");
        }
    }

    private static string Describe(JsonElement body, HttpResponseMessage response) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty("error", out var error)
            ? error.GetString() + (body.TryGetProperty("error_description", out var d) ? ": " + d.GetString() : "")
            : $"HTTP {(int)response.StatusCode} {(response.StatusCode == HttpStatusCode.OK ? "" : response.ReasonPhrase)}".Trim();

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
}
