using IomDirectory.Server.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace IomDirectory.Server.Web;

/// <summary>
/// Sign-in for people on the web pages (authorization code with PKCE at the organization's provider), on when
/// <c>--Oidc:Web:ClientId</c> is set. The session is a cookie (HttpOnly, SameSite=Lax, Secure when the request came
/// over TLS) holding only the subject, the display name and the directory role, for <see cref="OidcWebSettings.SessionLifetime"/>.
/// Both schemes run only where the web endpoints call them: the pages read the session cookie when a request
/// carries it, and /signin, /signout and the callback are endpoints; gRPC calls never touch them.
/// </summary>
public static class WebSignIn
{
    public const string CookieScheme = "WebSession";
    public const string OidcScheme = "WebOidc";
    public const string CookieName = "iomdir-session";
    public const string AntiforgeryCookieName = "iomdir-form";
    public const string FormTokenField = "__RequestVerificationToken";

    public static void Add(AuthenticationBuilder authentication, OidcSettings oidc, ProviderMetadata metadata, RoleMapping roles)
    {
        authentication.Services.AddAntiforgery(FormOptions);
        authentication.AddCookie(CookieScheme, o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.Path = "/";
            o.ExpireTimeSpan = oidc.Web.SessionLifetime;
            o.SlidingExpiration = false;
            o.Events.OnRedirectToLogin = context => { context.Response.StatusCode = StatusCodes.Status401Unauthorized; return Task.CompletedTask; };
        });
        authentication.AddOpenIdConnect(OidcScheme, o =>
        {
            o.ConfigurationManager = metadata;
            o.Backchannel = metadata.Http;
            o.RequireHttpsMetadata = oidc.AuthorityUri().Scheme == Uri.UriSchemeHttps;
            o.ClientId = oidc.Web.ClientId;
            if (oidc.Web.ClientSecret.Length > 0) o.ClientSecret = oidc.Web.ClientSecret;
            o.ResponseType = OpenIdConnectResponseType.Code;
            // The code comes back in the query of a top-level GET, so the correlation and nonce cookies can be SameSite=Lax.
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.UsePkce = true;
            o.PushedAuthorizationBehavior = PushedAuthorizationBehavior.Disable;
            o.Scope.Clear();
            o.Scope.Add("openid");
            o.Scope.Add("profile");
            o.CallbackPath = oidc.Web.CallbackPath;
            o.SignInScheme = CookieScheme;
            o.MapInboundClaims = false;
            o.SaveTokens = false;
            o.GetClaimsFromUserInfoEndpoint = false;
            o.CorrelationCookie.SameSite = SameSiteMode.Lax;
            o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.NonceCookie.SameSite = SameSiteMode.Lax;
            o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.TokenValidationParameters.ValidAlgorithms = oidc.EffectiveAlgorithms;
            o.TokenValidationParameters.NameClaimType = "name";
            o.TokenValidationParameters.RoleClaimType = "role";
            o.TokenValidationParameters.ClockSkew = oidc.ClockSkew;
            o.Events.OnTokenValidated = context =>
            {
                if (context.Principal is { } principal)
                    context.Principal = OidcIdentity.From(principal, roles, oidc.EffectiveNameClaims, CookieScheme, keepOtherClaims: false);
                return Task.CompletedTask;
            };
            o.Events.OnRemoteFailure = context =>
            {
                context.Response.Redirect(WebPages.SignInFailedPath);
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });
    }

    /// <summary>The form tokens of every page form (sign-out, the console, the public feedback forms).</summary>
    public static void FormOptions(AntiforgeryOptions o)
    {
        o.Cookie.Name = AntiforgeryCookieName;
        o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.Cookie.SameSite = SameSiteMode.Strict;
        o.FormFieldName = FormTokenField;
        o.SuppressXFrameOptionsHeader = true;   // the pages say frame-ancestors 'none' in their CSP
    }

    /// <summary>
    /// The person signed in on this request, if it carries a session cookie that is valid; then the request's user is
    /// set and a form token for the sign-out form is issued. Requests without the cookie (anonymous readers) do nothing here.
    /// </summary>
    public static async Task<WebAccount?> ReadAsync(HttpContext http)
    {
        if (!http.Request.Cookies.ContainsKey(CookieName)) return null;
        var result = await http.AuthenticateAsync(CookieScheme);
        if (!result.Succeeded || result.Principal is null) return null;
        http.User = result.Principal;
        var caller = new Caller(result.Principal, null);
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        return new WebAccount(caller.Name, caller.Role, tokens.RequestToken ?? "");
    }
}

/// <summary>The person signed in on the web pages: display name, highest directory role (or empty), the sign-out form's token.</summary>
public sealed record WebAccount(string Name, string Role, string FormToken);
