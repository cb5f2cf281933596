using IomDirectory.Server.Application;
using IomDirectory.Server.Web.Admin;

namespace IomDirectory.Server.Web;

public static partial class WebPages
{
    /// <summary>
    /// A new unit, office, mailbox or focal point, for editors: the form (pre-filled from the query where a record's page
    /// links to it: a mailbox of this office), its preview with the create command's own validators, then the command
    /// itself (CreateOfficeCommand…, the AdminService's), after which the editor lands on the new record's page.
    /// </summary>
    private static void MapConsoleNew(WebApplication app)
    {
        app.MapGet(ConsolePath + "/new/{kind}", (HttpContext http, string kind) =>
            Console<ConsoleNew>(http, NewRecordPath(kind), false, (web, p, t, ct) => Task.FromResult(NewRecordPage(http, t, kind))));
        app.MapPost(ConsolePath + "/new/{kind}", (HttpContext http, string kind) =>
            Console<ConsoleNew>(http, NewRecordPath(kind), true, (web, p, t, ct) => NewRecordAsync(http, web, p, t, kind, ct)));
    }

    internal static string NewRecordPath(ConsoleRecordKind kind) => NewRecordPath(kind.Kind);

    private static string NewRecordPath(string kind) => ConsolePath + "/new/" + Uri.EscapeDataString(kind);

    /// <summary>The empty form; a field the query names is pre-filled (cut to its limit: it is only a suggestion, checked on preview).</summary>
    private static object NewRecordPage(HttpContext http, string token, string kindName)
    {
        var kind = ConsoleRecordKind.Of(kindName) ?? throw new NoSuchPageException();
        var values = kind.NewFields.ToDictionary(f => f.Path, f => http.Request.Query[f.Path].ToString().Trim() is var v && v.Length <= f.Max ? v : "");
        return new ConsoleNewModel(kind, values, ConsoleWrite.Empty, new Dictionary<string, string>(), null, token);
    }

    /// <summary>"preview" runs the create command's validators and lists what the record will hold; "save" sends the command.</summary>
    private static async Task<object> NewRecordAsync(HttpContext http, WebContext web, RequestPipelines pipeline, string token, string kindName, CancellationToken ct)
    {
        var kind = ConsoleRecordKind.Of(kindName) ?? throw new NoSuchPageException();
        var form = await http.Request.ReadFormAsync(ct);
        var errors = new Dictionary<string, string>();
        var values = FormValues(web, form, kind.NewFields, errors);
        var write = ConsoleWrite.From(form);
        var command = kind.Create(values, WriteOf(web, write, null, errors));
        var preview = kind.NewFields.Where(f => values[f.Path].Length > 0).Select(f => new ConsoleChange(f.Path, "", values[f.Path])).ToList();
        if (errors.Count == 0 && form["step"] == "save")
        {
            var (written, _) = await TrySendAsync(pipeline, kind, kind.NewFields, command, errors, ct);
            if (written > 0) return Saved(web, kind, values["id"], "1");
        }
        else
        {
            Validate(http, kind, kind.NewFields, command, errors);   // every problem at once, the form's own limits with the command's
        }
        return new ConsoleNewModel(kind, values, write, errors, preview, token);
    }
}
