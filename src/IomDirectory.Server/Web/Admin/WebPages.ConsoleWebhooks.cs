using FluentValidation;
using IomDirectory.Server.Application;
using IomDirectory.Server.Features.Admin.Webhooks;
using IomDirectory.Server.Security;
using IomDirectory.Server.Web.Admin;

namespace IomDirectory.Server.Web;

public static partial class WebPages
{
    public const string ConsoleWebhooksPath = ConsolePath + "/webhooks";

    /// <summary>
    /// Webhook subscribers, for admins only: the list with each one's delivery state, the registration form (its
    /// secret shown once, on the page that answers it), one subscriber's latest deliveries, enable and delete. Every
    /// action is the AdminService's own command or query, so the pipeline checks the admin role again.
    /// </summary>
    private static void MapConsoleWebhooks(WebApplication app)
    {
        app.MapGet(ConsoleWebhooksPath, (Func<HttpContext, Task<IResult>>)(http => AdminConsole<ConsoleWebhooks>(http, ConsoleWebhooksPath, false,
            (web, p, t, ct) => WebhooksAsync(p, t, ConsoleWebhookForm.Empty, null, http.Request.Query["deleted"].ToString(), ct))));
        app.MapPost(ConsoleWebhooksPath, (Func<HttpContext, Task<IResult>>)(http => AdminConsole<ConsoleWebhooks>(http, ConsoleWebhooksPath, true,
            (web, p, t, ct) => CreateWebhookAsync(http, p, t, ct))));
        app.MapGet(ConsoleWebhooksPath + "/{id}", (HttpContext http, string id) => AdminConsole<ConsoleWebhook>(http, WebhookPath(id), false,
            (web, p, t, ct) => WebhookAsync(p, t, id, http.Request.Query["enabled"].Count > 0 ? "enabled" : "", ct)));
        app.MapPost(ConsoleWebhooksPath + "/{id}/enable", (HttpContext http, string id) => AdminConsole<ConsoleWebhook>(http, WebhookPath(id), true,
            async (web, p, t, ct) =>
            {
                await p.Send(new EnableWebhookCommand(id), ct);
                return Results.Redirect(web.Link(WebhookPath(id), ("enabled", "1")));
            }));
        app.MapPost(ConsoleWebhooksPath + "/{id}/delete", (HttpContext http, string id) => AdminConsole<ConsoleWebhook>(http, WebhookPath(id), true,
            async (web, p, t, ct) =>
            {
                await p.Send(new DeleteWebhookCommand(id), ct);
                return Results.Redirect(web.Link(ConsoleWebhooksPath, ("deleted", id)));
            }));
    }

    internal static string WebhookPath(string id) => ConsoleWebhooksPath + "/" + Uri.EscapeDataString(id);

    private static Task<IResult> AdminConsole<TPage>(HttpContext http, string path, bool post, ConsoleBuild build)
        where TPage : Microsoft.AspNetCore.Components.IComponent => Console<TPage>(http, path, post, build, Roles.Admin);

    private static async Task<object> WebhooksAsync(RequestPipelines pipeline, string token, ConsoleWebhookForm form, CreatedWebhook? created,
        string deleted, CancellationToken ct) =>
        new ConsoleWebhooksModel(await pipeline.Send(new ListWebhooksQuery(), ct), form, created, deleted, token);

    private static async Task<object> WebhookAsync(RequestPipelines pipeline, string token, string id, string notice, CancellationToken ct)
    {
        var deliveries = await pipeline.Send(new ListWebhookDeliveriesQuery(id, 0), ct);
        var state = (await pipeline.Send(new ListWebhooksQuery(), ct)).FirstOrDefault(w => w.Subscriber.Id == id) ?? throw new NoSuchPageException();
        return new ConsoleWebhookModel(state, deliveries, notice, token);
    }

    /// <summary>Registers a subscriber; the answer is the list with the new secret shown this once, or the form again with each failure beside its field.</summary>
    private static async Task<object> CreateWebhookAsync(HttpContext http, RequestPipelines pipeline, string token, CancellationToken ct)
    {
        var posted = await http.Request.ReadFormAsync(ct);
        var form = new ConsoleWebhookForm(posted["url"].ToString().Trim(),
            posted["kinds"].Where(k => !string.IsNullOrEmpty(k)).Select(k => k!).ToList(), posted["description"].ToString(), new Dictionary<string, string>());
        try
        {
            var created = await pipeline.Send(new CreateWebhookCommand(form.Url, form.Kinds, form.Description, "", 0), ct);
            return await WebhooksAsync(pipeline, token, ConsoleWebhookForm.Empty, created, "", ct);
        }
        catch (ValidationException ex)
        {
            var errors = new Dictionary<string, string>();
            foreach (var failure in ex.Errors)
            {
                var field = failure.PropertyName.Split('[')[0] is var name && name is "url" or "kinds" or "description" ? name : "";   // "kinds[1]": beside the kinds
                errors[field] = errors.TryGetValue(field, out var before) ? before + " " + failure.ErrorMessage : failure.ErrorMessage;
            }
            return await WebhooksAsync(pipeline, token, form with { Errors = errors }, null, "", ct);
        }
        catch (PreconditionFailedException ex)
        {
            return await WebhooksAsync(pipeline, token, form with { Errors = new Dictionary<string, string> { [""] = ex.Message } }, null, "", ct);
        }
    }
}
