using System.Text;
using FluentValidation;
using IomDirectory.Server.Application;
using IomDirectory.Server.Features.Admin.Interchange;
using IomDirectory.Server.Web.Admin;

namespace IomDirectory.Server.Web;

public static partial class WebPages
{
    public const string ConsoleImportPath = ConsolePath + "/import";

    /// <summary>
    /// An import for admins: an export document uploaded or pasted, its dry run (each record created or updated, each
    /// changed attribute old → new), then applied with a reason. The AdminService's own ImportDirectoryCommand both times.
    /// </summary>
    private static void MapConsoleImport(WebApplication app)
    {
        app.MapGet(ConsoleImportPath, (Func<HttpContext, Task<IResult>>)(http => AdminConsole<ConsoleImport>(http, ConsoleImportPath, false,
            (web, p, t, ct) => Task.FromResult<object>(new ConsoleImportModel("", ConsoleWrite.Empty, null, new Dictionary<string, string>(), t)))));
        app.MapPost(ConsoleImportPath, (Func<HttpContext, Task<IResult>>)(http => AdminConsole<ConsoleImport>(http, ConsoleImportPath, true,
            (web, p, t, ct) => ImportAsync(http, web, p, t, ct))));
    }

    private static async Task<object> ImportAsync(HttpContext http, WebContext web, RequestPipelines pipeline, string token, CancellationToken ct)
    {
        var form = await http.Request.ReadFormAsync(ct);
        var document = form["document"].ToString();
        if (form.Files.GetFile("file") is { Length: > 0 } file)
        {
            using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8);
            document = await reader.ReadToEndAsync(ct);
        }
        var write = ConsoleWrite.From(form);
        var errors = new Dictionary<string, string>();
        var context = WriteOf(web, write, null, errors);
        var apply = form["step"] == "apply";
        ImportOutcome? outcome = null;
        if (errors.Count == 0)
        {
            try
            {
                outcome = await pipeline.Send(new ImportDirectoryCommand(Encoding.UTF8.GetBytes(document), !apply, context), ct);
            }
            catch (ValidationException ex)
            {
                foreach (var failure in ex.Errors)
                {
                    var field = failure.PropertyName is "reason" or "effective" ? "import." + failure.PropertyName : "document";
                    var message = field == "document" && failure.PropertyName != "content" ? failure.PropertyName + ": " + failure.ErrorMessage : failure.ErrorMessage;
                    errors[field] = errors.TryGetValue(field, out var before) ? before + "\n" + message : message;
                }
            }
        }
        else
        {
            errors["import.effective"] = errors["effective"];
            errors.Remove("effective");
        }
        return new ConsoleImportModel(document, write, outcome, errors, token);
    }
}
