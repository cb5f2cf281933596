using IomDirectory.Server.Application;
using IomDirectory.Server.Features.Admin.Coverage;
using IomDirectory.Server.Web.Admin;

namespace IomDirectory.Server.Web;

public static partial class WebPages
{
    /// <summary>The countries a regional or sub-regional office covers, set from its edit page by an admin (SetCoverageCommand).</summary>
    private static void MapConsoleCoverage(WebApplication app) =>
        app.MapPost(ConsolePath + "/offices/{id}/coverage", (HttpContext http, string id) =>
            AdminConsole<ConsoleEdit>(http, RecordPath(ConsoleRecordKind.Offices.Kind, id), true, (web, p, t, ct) => CoverageAsync(http, web, p, t, id, ct)));

    private static async Task<object> CoverageAsync(HttpContext http, WebContext web, RequestPipelines pipeline, string token, string id, CancellationToken ct)
    {
        var kind = ConsoleRecordKind.Offices;
        var form = await http.Request.ReadFormAsync(ct);
        var countries = form["countries"].ToString().Split([' ', ',', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var errors = new Dictionary<string, string>();
        var context = WriteOf(web, ConsoleWrite.From(form), null, errors);
        if (errors.Count == 0)
        {
            var (_, failure) = await TrySendAsync(pipeline, kind, kind.Fields, new SetCoverageCommand(id, countries, context), errors, ct);
            if (failure is null) return Saved(web, kind, id, "coverage");
        }
        var (record, version, history, view) = await LoadAsync(pipeline, kind, id, ct);
        var values = kind.Fields.ToDictionary(f => f.Path, f => f.Read(record));
        return new ConsoleEditModel(kind, record, version, values, ConsoleWrite.Empty, Merge(errors, "coverage"), null, null, "", null, history, view, token);
    }
}
