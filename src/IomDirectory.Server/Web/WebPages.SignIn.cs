using IomDirectory.Server.Security;
using IomDirectory.Server.Web.Pages;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;

namespace IomDirectory.Server.Web;

public static partial class WebPages
{
    public const string SignInPath = "/signin";
    public const string SignOutPath = "/signout";
    public const string SignInFailedPath = "/signin/failed";

    /// <summary>/signin (to the provider's authorization endpoint), /signout (a form with its token), the provider's way back.</summary>
    private static void MapSignIn(WebApplication app, OidcSettings oidc)
    {
        app.MapGet(SignInPath, (Func<HttpContext, Task<IResult>>)(async http =>
        {
            var back = LocalPath(http.Request.Query["returnUrl"].ToString());
            try
            {
                // The handler fetches the provider's metadata (cached; bounded by --Oidc:DiscoveryTimeout) and redirects.
                await http.ChallengeAsync(WebSignIn.OidcScheme, new AuthenticationProperties { RedirectUri = back });
                return Results.Empty;
            }
            catch (ProviderUnavailableException) when (!http.Response.HasStarted)
            {
                return await Page<ErrorPage>(http, "/", (_, _, _) => throw new SignInException(503, "error.signin.unavailable"));
            }
        }));
        app.MapGet(SignInFailedPath, (Func<HttpContext, Task<IResult>>)(http =>
            Page<ErrorPage>(http, "/", (_, _, _) => throw new SignInException(400, "error.signin.failed"))));
        app.MapPost(SignOutPath, (Func<HttpContext, Task<IResult>>)(async http =>
        {
            await WebSignIn.ReadAsync(http);   // the form token is bound to the person signed in
            try
            {
                await http.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(http);
            }
            catch (AntiforgeryValidationException)
            {
                return await Page<ErrorPage>(http, "/", (_, _, _) => throw new SignInException(400, "error.form"));
            }
            await http.SignOutAsync(WebSignIn.CookieScheme);
            return Results.Redirect(LocalPath(http.Request.Form["returnUrl"].ToString()));
        }));
        // What the authentication middleware would do on every request, done on this path only.
        app.MapGet(oidc.Web.CallbackPath, (Func<HttpContext, Task<IResult>>)(async http =>
        {
            var handler = await http.RequestServices.GetRequiredService<IAuthenticationHandlerProvider>().GetHandlerAsync(http, WebSignIn.OidcScheme);
            return handler is IAuthenticationRequestHandler remote && await remote.HandleRequestAsync() ? Results.Empty : Results.NotFound();
        }));
    }

    /// <summary>A path on this site to come back to; anything else (another site, //host, a backslash) is the home page.</summary>
    private static string LocalPath(string value) =>
        value.StartsWith('/') && !value.StartsWith("//", StringComparison.Ordinal) && !value.Contains('\\') && value.Length <= 2048 ? value : "/";

    /// <summary>Signing in or out could not be done: a page with this status and message.</summary>
    private sealed class SignInException(int status, string messageKey) : Exception(messageKey)
    {
        public int Status { get; } = status;
        public string MessageKey { get; } = messageKey;
    }
}
