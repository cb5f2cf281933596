using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IomDirectory.TestIdentityProvider;

/// <summary>
/// The pages and passthrough endpoints of the test provider: a plain HTML login form (the person's session at the
/// provider is a cookie), the authorization endpoint, the token endpoint (code, device code, refresh token, client
/// credentials) and the device verification page. A test provider: no antiforgery, no consent screen.
/// </summary>
internal static class ProviderEndpoints
{
    public const string LoginScheme = "test-idp-login";
    private const string OpenIddictScheme = OpenIddictServerAspNetCoreDefaults.AuthenticationScheme;

    public static void Map(WebApplication app, OidcTestProvider provider)
    {
        app.MapGet("/login", (string? returnUrl, string? error) => Html("Sign in to the test provider", LoginForm(returnUrl ?? "/", error)));
        app.MapPost("/login", async (HttpContext http) =>
        {
            var form = await http.Request.ReadFormAsync();
            var returnUrl = form["returnUrl"].ToString();
            if (!returnUrl.StartsWith("/connect/", StringComparison.Ordinal)) returnUrl = "/";
            var user = TestDirectory.Users.FirstOrDefault(u => u.UserName == form["username"] && u.Password == form["password"]);
            if (user is null)
                return Html("Sign in to the test provider", LoginForm(returnUrl, "Wrong user name or password."), HttpStatusCode.Unauthorized);
            var identity = new ClaimsIdentity([new Claim(Claims.Subject, user.Subject)], LoginScheme);
            await http.SignInAsync(LoginScheme, new ClaimsPrincipal(identity));
            return Results.Redirect(returnUrl);
        });

        app.MapMethods("/connect/authorize", ["GET", "POST"], async (HttpContext http) =>
        {
            var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("not an OpenID Connect request");
            if (await SignedInUserAsync(http) is not { } user)
                return Results.Redirect("/login?returnUrl=" + Uri.EscapeDataString(http.Request.Path + http.Request.QueryString));
            if (provider.DisabledUsers.Contains(user.UserName))
                return Results.Forbid(Error(Errors.AccessDenied, "The account is disabled."), [OpenIddictScheme]);
            return Results.SignIn(new ClaimsPrincipal(Identity(user, request.GetScopes())), null, OpenIddictScheme);
        });

        app.MapGet("/connect/verify", async (HttpContext http) =>
        {
            if (await SignedInUserAsync(http) is null)
                return Results.Redirect("/login?returnUrl=" + Uri.EscapeDataString(http.Request.Path + http.Request.QueryString));
            var code = http.GetOpenIddictServerRequest()?.UserCode ?? "";
            return Html("Sign in a device", VerifyForm(code, null));
        });
        app.MapPost("/connect/verify", async (HttpContext http) =>
        {
            if (await SignedInUserAsync(http) is not { } user)
                return Results.Redirect("/login?returnUrl=/connect/verify");
            var device = await http.AuthenticateAsync(OpenIddictScheme);
            if (!device.Succeeded || device.Principal is null)
                return Html("Sign in a device", VerifyForm("", "That code is not valid (or has expired)."), HttpStatusCode.BadRequest);
            var identity = Identity(user, device.Principal.GetScopes());
            return Results.SignIn(new ClaimsPrincipal(identity), new AuthenticationProperties { RedirectUri = "/device-done" }, OpenIddictScheme);
        });
        app.MapGet("/device-done", () => Html("Device signed in", "<p role=\"status\">The device is signed in; you can close this page.</p>"));

        app.MapPost("/connect/token", async (HttpContext http) =>
        {
            var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("not an OpenID Connect request");
            if (request.IsClientCredentialsGrantType())
            {
                var application = TestDirectory.Applications.Single(a => a.ClientId == request.ClientId);
                var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
                identity.SetClaim(Claims.Subject, application.ClientId).SetClaim(Claims.Name, application.DisplayName)
                    .SetClaims("roles", [.. application.Roles]);
                identity.SetResources(TestDirectory.ApiAudience);
                identity.SetDestinations(_ => [Destinations.AccessToken]);
                return Results.SignIn(new ClaimsPrincipal(identity), null, OpenIddictScheme);
            }
            // Code, device code, refresh token: the person is looked up again, so a disabled account gets nothing more.
            var granted = await http.AuthenticateAsync(OpenIddictScheme);
            var subject = granted.Principal?.GetClaim(Claims.Subject);
            var user = TestDirectory.Users.FirstOrDefault(u => u.Subject == subject);
            if (user is null || provider.DisabledUsers.Contains(user.UserName))
                return Results.Forbid(Error(Errors.InvalidGrant, "The account is disabled."), [OpenIddictScheme]);
            return Results.SignIn(new ClaimsPrincipal(Identity(user, granted.Principal!.GetScopes())), null, OpenIddictScheme);
        });
    }

    /// <summary>What the tokens say about a person: subject, display name, app roles (<c>roles</c>) and groups, as Entra ID puts them.</summary>
    private static ClaimsIdentity Identity(TestUser user, IEnumerable<string> scopes)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Subject).SetClaim(Claims.Name, user.DisplayName)
            .SetClaim(Claims.PreferredUsername, user.UserName + "@iom.test")
            .SetClaims("roles", [.. user.Roles]).SetClaims("groups", [.. user.Groups]);
        identity.SetScopes(scopes);
        identity.SetResources(TestDirectory.ApiAudience);
        identity.SetDestinations(_ => [Destinations.AccessToken, Destinations.IdentityToken]);
        return identity;
    }

    private static async Task<TestUser?> SignedInUserAsync(HttpContext http)
    {
        var login = await http.AuthenticateAsync(LoginScheme);
        var subject = login.Principal?.FindFirst(Claims.Subject)?.Value;
        return TestDirectory.Users.FirstOrDefault(u => u.Subject == subject);
    }

    private static AuthenticationProperties Error(string error, string description) => new(new Dictionary<string, string?>
    {
        [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
        [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
    });

    private static string LoginForm(string returnUrl, string? error) => $"""
        <h1>Test identity provider</h1>
        {(error is null ? "" : $"<p role=\"alert\">{WebUtility.HtmlEncode(error)}</p>")}
        <form method="post" action="/login">
          <input type="hidden" name="returnUrl" value="{WebUtility.HtmlEncode(returnUrl)}">
          <p><label for="username">Username</label> <input id="username" name="username" autocomplete="username"></p>
          <p><label for="password">Password</label> <input id="password" name="password" type="password" autocomplete="current-password"></p>
          <p><button type="submit">Sign in</button></p>
        </form>
        """;

    private static string VerifyForm(string code, string? error) => $"""
        <h1>Sign in a device</h1>
        {(error is null ? "" : $"<p role=\"alert\">{WebUtility.HtmlEncode(error)}</p>")}
        <form method="post" action="/connect/verify">
          <p><label for="user_code">Code shown on the device</label> <input id="user_code" name="user_code" value="{WebUtility.HtmlEncode(code)}"></p>
          <p><button type="submit">Approve</button></p>
        </form>
        """;

    private static IResult Html(string title, string body, HttpStatusCode status = HttpStatusCode.OK) =>
        Results.Content($"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><link rel=\"icon\" href=\"data:,\"><title>{title}</title></head><body>{body}</body></html>",
            "text/html; charset=utf-8", null, (int)status);
}
