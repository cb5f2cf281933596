using System.Globalization;
using FluentValidation;
using IomDirectory.Server.Features.Feedback;
using IomDirectory.Server.Web.Admin;
using Microsoft.AspNetCore.Antiforgery;

namespace IomDirectory.Server.Web;

/// <summary>
/// The public feedback forms: "Suggest a correction" (/suggest) on every record page and answer card, "Was this
/// helpful?" (/feedback) on every answer, and the suggester's follow link (/suggestions/{token}). Anonymous or signed
/// in; plain forms with an antiforgery token; rate-limited per client and overall; a full queue is said plainly.
/// The record pages themselves only link here, so they stay cookie-free.
/// </summary>
public static partial class WebPages
{
    public const string SuggestPath = "/suggest";
    public const string FeedbackPath = "/feedback";
    public const string FollowPath = "/suggestions/";

    private static void MapFeedback(WebApplication app)
    {
        app.MapGet(SuggestPath, (Func<HttpContext, Task<IResult>>)(http => Page<SuggestForm>(http, SuggestPath, (web, p, ct) =>
            Task.FromResult<object>(SuggestModel(http, web, web.Param("kind"), web.Param("id"), web.Param("field"), null, new Dictionary<string, string>(), "")))));
        app.MapPost(SuggestPath, (Func<HttpContext, Task<IResult>>)(http => Page<SuggestForm>(http, SuggestPath, (web, p, ct) => SuggestAsync(http, web, p, ct))));
        app.MapGet(FeedbackPath, (Func<HttpContext, Task<IResult>>)(http => Page<FeedbackForm>(http, FeedbackPath, (web, p, ct) =>
            Task.FromResult<object>(FeedbackModel(http, web, p, Query(http.Request.Query), new Dictionary<string, string>(), "")))));
        app.MapPost(FeedbackPath, (Func<HttpContext, Task<IResult>>)(http => Page<FeedbackForm>(http, FeedbackPath, (web, p, ct) => FeedbackAsync(http, web, p, ct))));
        app.MapGet(FollowPath + "{token}", (HttpContext http, string token) => Page<FollowSuggestion>(http, "/suggestions", async (web, p, ct) =>
            new FollowModel(await p.Send(new FollowSuggestionQuery(token), ct), token, web.Has("sent"), FormToken(http))));
        app.MapPost(FollowPath + "{token}/delete", (HttpContext http, string token) => Page<FollowSuggestion>(http, "/suggestions", async (web, p, ct) =>
        {
            await RequireFormTokenAsync(http, web);
            await p.Send(new DeleteSuggestionCommand(token), ct);
            return new FollowModel(null, token, false, "");
        }));
    }

    private static string FormToken(HttpContext http) =>
        http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http).RequestToken ?? "";

    private static SuggestModel SuggestModel(HttpContext http, WebContext web, string kindName, string id, string field,
        IReadOnlyDictionary<string, string>? values, IReadOnlyDictionary<string, string> errors, string refusal)
    {
        var kind = ConsoleRecordKind.Of(kindName) ?? throw new WebInputException("kind", web.T("suggest.nokind"));
        var snapshot = http.RequestServices.GetRequiredService<Snapshots.DirectorySnapshotProvider>().Current;
        var record = kind.History(snapshot, id).LastOrDefault() ?? throw new Application.NotFoundException(kindName, id);
        return new SuggestModel(kind, record, field, values ?? new Dictionary<string, string>(), errors, refusal, FormToken(http));
    }

    private static async Task<object> SuggestAsync(HttpContext http, WebContext web, Application.RequestPipelines pipeline, CancellationToken ct)
    {
        if (await PublicFormRefusedAsync(http, web, ct) is { } refused) return refused;
        await RequireFormTokenAsync(http, web);
        var form = await http.Request.ReadFormAsync(ct);
        var values = new[] { "field", "problem", "proposed", "source", "contact" }.ToDictionary(k => k, k => form[k].ToString());
        var (kind, id) = (form["kind"].ToString(), form["id"].ToString());
        try
        {
            var sent = await pipeline.Send(new SubmitCorrectionCommand(kind, id, values["field"], values["problem"], values["proposed"],
                values["source"], values["contact"], web.SignIn.Account?.Name ?? ""), ct);
            return Results.Redirect(web.Link(FollowPath + sent.Token, ("sent", "1")));
        }
        catch (ValidationException ex)
        {
            if (ex.Errors.Any(e => e.PropertyName is "kind" or "id")) throw;
            var errors = ex.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => string.Join(" ", g.Select(e => e.ErrorMessage)));
            return SuggestModel(http, web, kind, id, values["field"], values, errors, "");
        }
        catch (FeedbackQueueFullException)
        {
            return new PageStatus(SuggestModel(http, web, kind, id, values["field"], values, new Dictionary<string, string>(), web.T("feedback.full")),
                StatusCodes.Status503ServiceUnavailable);
        }
    }

    /// <summary>
    /// The checks a public form passes before anything else is done with it: a body of at most
    /// <see cref="FeedbackLimits.PublicFormBytes"/> (413 otherwise, unread), then the rate limits (429). The form is then
    /// read once, bounded, and kept for the token check and the handler.
    /// </summary>
    private static async Task<IResult?> PublicFormRefusedAsync(HttpContext http, WebContext web, CancellationToken ct)
    {
        if (http.Request.ContentLength > FeedbackLimits.PublicFormBytes)
            return Refused(http, StatusCodes.Status413PayloadTooLarge, web.T("feedback.toolarge"));
        if (!http.RequestServices.GetRequiredService<FeedbackLimiter>().TryAcquire(http))
            return Refused(http, StatusCodes.Status429TooManyRequests, web.T("feedback.ratelimited"));
        return await ReadBoundedFormAsync(http, FeedbackLimits.PublicFormBytes, ct) ? null
            : Refused(http, StatusCodes.Status413PayloadTooLarge, web.T("feedback.toolarge"));
    }

    /// <summary>Reads the form (kept by the request for later reads) if its body is at most <paramref name="max"/> bytes.</summary>
    private static async Task<bool> ReadBoundedFormAsync(HttpContext http, long max, CancellationToken ct)
    {
        if (http.Request.ContentLength > max) return false;
        if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = max;
        try
        {
            if (http.Request.HasFormContentType) await http.Request.ReadFormAsync(ct);
            return true;
        }
        catch (Exception ex) when (ex is BadHttpRequestException or InvalidDataException)
        {
            return false;
        }
    }

    /// <summary>A request refused before its form is read (over the rate limit: 429 with Retry-After; too large: 413): a line of text.</summary>
    private static IResult Refused(HttpContext http, int status, string message)
    {
        if (status == StatusCodes.Status429TooManyRequests) http.Response.Headers.RetryAfter = "60";
        return Results.Text(message, "text/plain; charset=utf-8", statusCode: status);
    }

    /// <summary>The answer a "Was this helpful?" link names: its question, country, language, whether routing was sure, and the contacts shown.</summary>
    private static FeedbackQuery Query(IQueryCollection query) => new(
        query["q"].ToString(), query["country"].ToString(), query["helpful"].ToString(), query["shown"].ToString(), query["sure"].ToString() != "0");

    private static FeedbackModel FeedbackModel(HttpContext http, WebContext web, Application.RequestPipelines pipeline, FeedbackQuery query,
        IReadOnlyDictionary<string, string> errors, string refusal)
    {
        if (query.Question.Trim().Length == 0 || query.Question.Length > FeedbackLimits.Question)
            throw new WebInputException("q", web.T("feedback.noquestion"));
        var view = http.RequestServices.GetRequiredService<Snapshots.DirectorySnapshotProvider>().Current.At(DateTime.UtcNow);
        var shown = AnswerShown.Parse(query.Shown, view, web.Language);
        return new FeedbackModel(query, shown, errors, refusal, FormToken(http));
    }

    private static async Task<object> FeedbackAsync(HttpContext http, WebContext web, Application.RequestPipelines pipeline, CancellationToken ct)
    {
        if (await PublicFormRefusedAsync(http, web, ct) is { } refused) return refused;
        await RequireFormTokenAsync(http, web);
        var form = await http.Request.ReadFormAsync(ct);
        var query = new FeedbackQuery(form["q"].ToString(), form["country"].ToString(), form["helpful"].ToString(), form["shown"].ToString(), form["sure"].ToString() != "0");
        var model = FeedbackModel(http, web, pipeline, query, new Dictionary<string, string>(), "");
        var note = form["note"].ToString();
        try
        {
            var sent = await pipeline.Send(new SubmitFeedbackCommand(query.Question, query.Country, web.Language, query.Helpful != "no", note,
                Cut(model.Shown.Text, FeedbackLimits.AnswerShown), model.Shown.FirstKey, query.Confident, web.SignIn.Account?.Name ?? ""), ct);
            return Results.Redirect(web.Link(FollowPath + sent.Token, ("sent", "1")));
        }
        catch (ValidationException ex)
        {
            var errors = ex.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => string.Join(" ", g.Select(e => e.ErrorMessage)));
            return model with { Errors = errors, Note = note };
        }
        catch (FeedbackQueueFullException)
        {
            return new PageStatus(model with { Refusal = web.T("feedback.full"), Note = note }, StatusCodes.Status503ServiceUnavailable);
        }
    }
}
