using Grpc.Core;
using IomDirectory.Server.Application;
using IomDirectory.Server.Features.Countries;
using IomDirectory.Server.Features.Routing;
using IomDirectory.Server.Rpc;
using IomDirectory.Server.Web.Pages;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.ResponseCompression;

namespace IomDirectory.Server.Web;

/// <summary>
/// "Who do I contact?" for country-office staff: server-rendered pages (Razor components, static rendering, no
/// script) on the HTTP/1.1 endpoint. Every page reads through the application's request pipeline, as the gRPC
/// services do; failures are classified by <see cref="DirectoryExceptionMapper"/> and shown as a page with the
/// HTTP status that classification implies.
/// </summary>
public static partial class WebPages
{
    public const int ChildrenShown = 100;
    public const int AskResults = 5;

    public static IServiceCollection AddDirectoryWeb(this IServiceCollection services, InterfaceText text, Pictures.WorldOutlines outlines)
    {
        services.AddSingleton(text);
        services.AddSingleton(outlines);
        services.AddSingleton<WebAssets>();
        services.AddRazorComponents();
        services.AddAntiforgery(WebSignIn.FormOptions);
        services.AddSingleton<Admin.FeedbackLimiter>();
        services.AddResponseCompression(o =>
        {
            o.MimeTypes = ["text/html"];   // pages only: the CSS is stored compressed, gRPC and JSON keep their own framing
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        return services;
    }

    public static void MapDirectoryWeb(this WebApplication app)
    {
        app.MapGet("/static/site.{hash}.css", (HttpContext http, string hash, WebAssets assets) => assets.Stylesheet(http, hash));
        app.MapGet("/", (Func<HttpContext, Task<IResult>>)(http => Page<AskPage>(http, "/", Ask)));
        app.MapGet("/ask", (Func<HttpContext, Task<IResult>>)(http => Page<AskPage>(http, "/ask", Ask)));
        app.MapGet("/browse", (Func<HttpContext, Task<IResult>>)(http => Page<BrowsePage>(http, "/browse", Browse)));
        app.MapGet("/units/{id}", (HttpContext http, string id) => Page<UnitPage>(http, "/units/" + Uri.EscapeDataString(id), (w, p, ct) => Unit(w, p, id, ct)));
        app.MapGet("/offices/{id}", (HttpContext http, string id) => Page<OfficePage>(http, "/offices/" + Uri.EscapeDataString(id), (w, p, ct) => Office(w, p, id, ct)));
        app.MapGet("/countries", (Func<HttpContext, Task<IResult>>)(http => Page<CountriesPage>(http, "/countries", Countries)));
        app.MapGet("/countries/{code}", (HttpContext http, string code) => Page<CountryPage>(http, "/countries/" + Uri.EscapeDataString(code), (w, p, ct) => Country(w, p, code, ct)));
        app.MapGet("/map", (Func<HttpContext, Task<IResult>>)(http => Page<MapPage>(http, "/map", Map)));
        app.MapGet("/search", (Func<HttpContext, Task<IResult>>)(http => Page<SearchPage>(http, "/search", Search)));
        if (app.Services.GetRequiredService<Security.OidcSettings>() is { Enabled: true, Web.Enabled: true } oidc)
            MapSignIn(app, oidc);
        MapConsole(app);
        MapFeedback(app);
        // A mistyped address a person followed gets a page, not an empty 404; other requests keep the plain 404.
        // The page neither echoes the address nor links to it: its links are the site's own.
        app.MapFallback((Func<HttpContext, Task<IResult>>)(http => HttpMethods.IsGet(http.Request.Method)
            ? Page<ErrorPage>(http, "/", (_, _, _) => throw new NoSuchPageException())
            : Task.FromResult(Results.NotFound())));
    }

    private delegate Task<object> Build(WebContext web, RequestPipelines pipeline, CancellationToken cancellationToken);

    /// <summary>
    /// A page: its model built through the request pipeline, then rendered; a failure in either becomes the error page
    /// with its status. <paramref name="path"/> is the page's canonical address (links, the date form).
    /// </summary>
    private static async Task<IResult> Page<TPage>(HttpContext http, string path, Build build) where TPage : Microsoft.AspNetCore.Components.IComponent
    {
        var text = http.RequestServices.GetRequiredService<InterfaceText>();
        var assets = http.RequestServices.GetRequiredService<WebAssets>();
        WebContext? web = null;
        var signIn = http.RequestServices.GetRequiredService<Security.OidcSettings>() is { Enabled: true, Web.Enabled: true };
        var account = signIn ? await WebSignIn.ReadAsync(http) : null;
        try
        {
            web = WebContext.From(http.Request, text, path);
            web.SignIn = (signIn, account);
            var model = await build(web, http.RequestServices.GetRequiredService<RequestPipelines>(), http.RequestAborted);
            if (model is IResult other) return other;
            var (shown, status) = model is Admin.PageStatus s ? (s.Model, s.Status) : (model, StatusCodes.Status200OK);
            return new PageResult(Render<TPage>(web, assets, shown, status), web,
                ex => Failed(web, assets, ex, http));
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return Results.Empty;
        }
        catch (Exception ex)
        {
            web ??= WebContext.FromFallback(http.Request, text, path);
            web.SignIn = (signIn, account);
            return new PageResult(Failed(web, assets, ex, http), web, null);
        }
    }

    /// <summary>
    /// Writes a page's headers, then renders it. Rendering runs after the endpoint returned, so a component that
    /// throws would otherwise end the response with an empty 500: the error page is rendered instead while nothing
    /// has been sent.
    /// </summary>
    private sealed class PageResult(RazorComponentResult page, WebContext web, Func<Exception, RazorComponentResult>? onFailure) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            Headers(http, web);
            if (onFailure is null)
            {
                await page.ExecuteAsync(http);
                return;
            }
            try
            {
                await page.ExecuteAsync(http);
            }
            catch (Exception ex) when (!http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested)
            {
                http.Response.Clear();
                Headers(http, web);
                await onFailure(ex).ExecuteAsync(http);
            }
        }

        /// <summary>
        /// Pages depend on Accept-Language and the remembered country (a cookie), and may name a country: shared
        /// caches must not keep them, the browser revalidates them.
        /// </summary>
        private static void Headers(HttpContext http, WebContext web)
        {
            var headers = http.Response.Headers;
            headers.CacheControl = web.SignIn.Account is null ? "private, no-cache" : "private, no-store";   // a signed-in page holds a form token
            headers.Vary = "Accept-Language, Cookie";
            headers.ContentLanguage = web.Language;
            headers.XContentTypeOptions = "nosniff";
            headers["Content-Security-Policy"] = ContentSecurityPolicy;
        }
    }

    /// <summary>Every HTML page's policy: no script at all, styles and images from the site only, forms posted back to it.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private static RazorComponentResult Failed(WebContext web, WebAssets assets, Exception exception, HttpContext http)
    {
        var failure = Failure(web, exception, http);
        return Render<ErrorPage>(web, assets, failure, failure.Status);
    }

    private static RazorComponentResult Render<TPage>(WebContext web, WebAssets assets, object model, int status)
        where TPage : Microsoft.AspNetCore.Components.IComponent =>
        new RazorComponentResult<TPage>(new Dictionary<string, object?> { ["Web"] = web, ["Styles"] = assets, ["Model"] = model })
        {
            StatusCode = status,
            ContentType = "text/html; charset=utf-8",
        };

    /// <summary>The failure as the gRPC services would classify it, shown with the matching HTTP status; anything else is logged and a 500 with a reference.</summary>
    private static ErrorModel Failure(WebContext web, Exception exception, HttpContext http)
    {
        if (exception is WebInputException input)
            return new ErrorModel(400, web.T("error.400"), input.Message, null);
        if (exception is SignInException signIn)
            return new ErrorModel(signIn.Status, web.T("error.signin"), web.T(signIn.MessageKey), null);
        if (exception is NoSuchPageException)
            return new ErrorModel(404, web.T("error.404"), web.T("error.nopage"), null);
        if (DirectoryExceptionMapper.Map(exception) is { } rpc)
        {
            var status = rpc.StatusCode switch
            {
                StatusCode.InvalidArgument or StatusCode.FailedPrecondition or StatusCode.OutOfRange => 400,
                StatusCode.NotFound => 404,
                StatusCode.Unauthenticated => 401,
                StatusCode.PermissionDenied => 403,
                StatusCode.Aborted => 409,
                StatusCode.Unavailable or StatusCode.ResourceExhausted => 503,
                _ => 500,
            };
            return new ErrorModel(status, web.T(status == 404 ? "error.404" : status == 503 ? "error.503" : "error.400"), rpc.Status.Detail, null);
        }
        var reference = http.TraceIdentifier;
        LogPageFailed(http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("IomDirectory.Web"), exception, http.Request.Path, reference);
        return new ErrorModel(500, web.T("error.500"), "", reference);
    }

    /// <summary>No page at the address asked for.</summary>
    private sealed class NoSuchPageException : Exception;

    [LoggerMessage(Level = LogLevel.Error, Message = "Page {Path} failed (reference {Reference})")]
    private static partial void LogPageFailed(ILogger logger, Exception exception, string path, string reference);

    /// <summary>The form's hidden field naming the country it was pre-filled with (from memory, or read from the
    /// question) rather than picked: sent back unchanged, that country is not a choice.</summary>
    public const string RememberedField = "remembered";

    private static async Task<object> Ask(WebContext web, RequestPipelines pipeline, CancellationToken ct)
    {
        var question = web.Param("q");
        if (question.Length > SuggestContactsQuery.MaxQueryLength)
            throw new WebInputException("q", web.T("error.toolong", ("n", SuggestContactsQuery.MaxQueryLength.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        // The answer depends on the URL only (links can be shared); the remembered country only fills the form in.
        // A country the person picked in this request wins; one the form merely kept from memory gives way to a
        // country the question names ("camp management in Mali" from someone remembered in Kenya is about Mali).
        var sent = web.Param("country");
        var onlyRemembered = sent.Length > 0 && sent.Equals(web.Param(RememberedField), StringComparison.OrdinalIgnoreCase);
        var reading = (await pipeline.Send(new ReadQuestionQuery(question, web.Read), ct)).Value;
        var named = reading.Country;
        var country = web.Has("country") ? onlyRemembered && named.Length > 0 ? "" : sent : question.Length == 0 ? web.CookieCountry ?? "" : "";
        IomDirectory.Server.Routing.RoutingResult? answer = null;
        if (question.Trim().Length > 0)
        {
            var routed = await pipeline.Send(new SuggestContactsQuery(question, country, AskResults,
                new Snapshots.ReadContext(web.Instant, web.LanguageChosen ? web.Language : "")), ct);
            answer = routed.Value;
            web.FollowQuestion(routed.Value.Language);
        }
        var countries = await pipeline.Send(new ListCountriesQuery(web.Read), ct);
        if (web.Has("country") && !onlyRemembered)
            web.RememberCountry(countries.Value.FirstOrDefault(c => c.Country.Code.Equals(sent, StringComparison.OrdinalIgnoreCase))?.Country.Code);
        // The form shows the country the answer was given for: the one picked, else the one the question names.
        var shown = country.Length > 0 ? country : named;
        var picked = sent.Length > 0 && !onlyRemembered;
        return new AskModel(question, shown.ToUpperInvariant(), countries.Value, answer, countries.View) { Remembered = picked ? "" : shown.ToUpperInvariant(), QuestionLanguage = reading.Language };
    }
}
