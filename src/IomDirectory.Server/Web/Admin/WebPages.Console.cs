using System.Globalization;
using FluentValidation;
using IomDirectory.Server.Application;
using IomDirectory.Server.Domain;
using IomDirectory.Server.Features.Common;
using IomDirectory.Server.Features.Feedback;
using IomDirectory.Server.Features.Search;
using IomDirectory.Server.Security;
using IomDirectory.Server.Web.Admin;
using Microsoft.AspNetCore.Antiforgery;

namespace IomDirectory.Server.Web;

/// <summary>
/// The admin console at /admin, for signed-in editors and admins: find a record, edit it with a preview, see its
/// history, move, retire, review suggestions, read the curators' report. Plain forms (POST, antiforgery token); every
/// change is the AdminService's own command sent through the same pipeline (role, write gate, validation, audit).
/// Anonymous people are sent to sign in; signed-in people without the editor role get a 403 page.
/// </summary>
public static partial class WebPages
{
    public const string ConsolePath = "/admin";

    private static void MapConsole(WebApplication app)
    {
        MapConsoleWebhooks(app);
        MapConsoleImport(app);
        MapConsoleCoverage(app);
        MapConsoleNew(app);
        app.MapGet(ConsolePath, (Func<HttpContext, Task<IResult>>)(http => Console<ConsoleHome>(http, ConsolePath, false, ConsoleHomeAsync)));
        app.MapGet(ConsolePath + "/suggestions", (Func<HttpContext, Task<IResult>>)(http =>
            Console<ConsoleQueue>(http, ConsolePath + "/suggestions", false, (web, p, t, ct) => QueueAsync(p, t, new Dictionary<string, string>(), "", ct))));
        app.MapPost(ConsolePath + "/suggestions/{id:long}/reject", (HttpContext http, long id) =>
            Console<ConsoleQueue>(http, ConsolePath + "/suggestions", true, (web, p, t, ct) => RejectAsync(http, p, t, id, ct)));
        app.MapGet(ConsolePath + "/reports", (Func<HttpContext, Task<IResult>>)(http => Console<ConsoleReport>(http, ConsolePath + "/reports", false,
            async (web, p, t, ct) => new ConsoleReportModel(await p.Send(new FeedbackReportQuery(), ct)))));
        app.MapGet(ConsolePath + "/{kind}/{id}", (HttpContext http, string kind, string id) =>
            Console<ConsoleEdit>(http, RecordPath(kind, id), false, (web, p, t, ct) => EditPageAsync(http, p, t, kind, id, ct)));
        app.MapPost(ConsolePath + "/{kind}/{id}", (HttpContext http, string kind, string id) =>
            Console<ConsoleEdit>(http, RecordPath(kind, id), true, (web, p, t, ct) => EditAsync(http, web, p, t, kind, id, ct)));
        app.MapPost(ConsolePath + "/{kind}/{id}/{action:regex(^(move|retire|create)$)}", (HttpContext http, string kind, string id, string action) =>
            Console<ConsoleEdit>(http, RecordPath(kind, id), true, (web, p, t, ct) => StructureAsync(http, web, p, t, kind, id, action, ct)));
    }

    private static string RecordPath(string kind, string id) => ConsolePath + "/" + Uri.EscapeDataString(kind) + "/" + Uri.EscapeDataString(id);

    private delegate Task<object> ConsoleBuild(WebContext web, RequestPipelines pipeline, string formToken, CancellationToken cancellationToken);

    /// <summary>
    /// A console page: only for a signed-in editor, or an admin where <paramref name="role"/> says so (else sign-in, or 403), a POST only with its form token; the person
    /// is the caller of every request the page sends, so the pipeline checks the role again and the audit names them.
    /// </summary>
    private static Task<IResult> Console<TPage>(HttpContext http, string path, bool post, ConsoleBuild build, string role = Roles.Editor)
        where TPage : Microsoft.AspNetCore.Components.IComponent =>
        Page<TPage>(http, path, async (web, pipeline, ct) =>
        {
            if (!web.SignIn.Available) throw new NoSuchPageException();
            if (web.SignIn.Account is not { } account)
                return post ? Results.StatusCode(StatusCodes.Status401Unauthorized) : Results.Redirect(web.SignInLink);
            var caller = new Caller(http.User, null);
            Access.Demand(caller, role, role == Roles.Editor ? "The admin console" : "This page of the admin console", "The admin console");
            if (post)
            {
                if (!await ReadBoundedFormAsync(http, FeedbackLimits.ConsoleFormBytes, ct))
                    return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
                await RequireFormTokenAsync(http, web);
            }
            http.RequestServices.GetRequiredService<CurrentCaller>().Set(caller);
            return await build(web, pipeline, account.FormToken, ct);
        });

    /// <summary>A form without this site's token (a cross-site POST, an expired page) is refused with a 400 page.</summary>
    private static async Task RequireFormTokenAsync(HttpContext http, WebContext web)
    {
        try
        {
            await http.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(http);
        }
        catch (AntiforgeryValidationException)
        {
            throw new WebInputException("form", web.T("error.form"));
        }
    }

    private static async Task<object> ConsoleHomeAsync(WebContext web, RequestPipelines pipeline, string token, CancellationToken ct)
    {
        var query = web.Param("q");
        IReadOnlyList<VersionedRecord>? hits = null;
        var view = (await pipeline.Send(new Features.Countries.ListCountriesQuery(web.Read), ct)).View;
        if (query.Trim().Length > 0)
        {
            var found = await pipeline.Send(new SearchDirectoryQuery(query, [], new PageRequest(50, ""), web.Read), ct);
            hits = found.Value.Page.Items.Select(h => h.Document.Record).OfType<VersionedRecord>().Where(r => ConsoleRecordKind.Of(r) is not null).ToList();
        }
        var pending = await pipeline.Send(new ListPendingCorrectionsQuery(), ct);
        return new ConsoleHomeModel(query, hits, pending.Total, view, token);
    }

    private static async Task<object> QueueAsync(RequestPipelines pipeline, string token, IReadOnlyDictionary<string, string> errors, string notice, CancellationToken ct) =>
        new ConsoleQueueModel(await pipeline.Send(new ListPendingCorrectionsQuery(), ct), errors, notice, token);

    /// <summary>Rejects a correction with the reason the suggester will read; a missing reason is shown beside that suggestion's field.</summary>
    private static async Task<object> RejectAsync(HttpContext http, RequestPipelines pipeline, string token, long id, CancellationToken ct)
    {
        var form = await http.Request.ReadFormAsync(ct);
        try
        {
            var rejected = await pipeline.Send(new RejectSuggestionCommand(id, form["reason"].ToString()), ct);
            return await QueueAsync(pipeline, token, new Dictionary<string, string>(), "rejected:" + rejected.PublicId, ct);
        }
        catch (ValidationException ex)
        {
            var errors = new Dictionary<string, string> { ["reject." + id.ToString(CultureInfo.InvariantCulture)] = string.Join(" ", ex.Errors.Select(e => e.ErrorMessage)) };
            return await QueueAsync(pipeline, token, errors, "", ct);
        }
    }
}
