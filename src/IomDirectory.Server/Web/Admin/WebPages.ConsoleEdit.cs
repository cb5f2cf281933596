using System.Globalization;
using FluentValidation;
using IomDirectory.Server.Application;
using IomDirectory.Server.Features.Admin.Common;
using IomDirectory.Server.Features.Admin.Units;
using IomDirectory.Server.Features.Feedback;
using IomDirectory.Server.Features.History;
using IomDirectory.Server.Web.Admin;
using IomDirectory.Server.Changes;

namespace IomDirectory.Server.Web;

public static partial class WebPages
{
    /// <summary>The edit page as stored (or pre-filled from the suggestion it was opened for).</summary>
    private static async Task<object> EditPageAsync(HttpContext http, RequestPipelines pipeline, string token, string kindName, string id, CancellationToken ct)
    {
        var kind = ConsoleRecordKind.Of(kindName) ?? throw new NoSuchPageException();
        var (record, version, history, view) = await LoadAsync(pipeline, kind, id, ct);
        var values = kind.Fields.ToDictionary(f => f.Path, f => f.Read(record));
        var write = ConsoleWrite.Empty;
        Suggestion? suggestion = null;
        if (long.TryParse(http.Request.Query["suggestion"], NumberStyles.None, CultureInfo.InvariantCulture, out var suggestionId))
        {
            suggestion = await ActionableAsync(pipeline, suggestionId, kind, id, ct);
            if (values.ContainsKey(suggestion.Field) && suggestion.ProposedValue.Length > 0) values[suggestion.Field] = suggestion.ProposedValue;
            write = new ConsoleWrite("", "Correction suggested by staff: " + Cut(suggestion.Problem, 300), suggestion.Source);
        }
        var notice = http.Request.Query["saved"].ToString() is { Length: > 0 } saved ? "saved:" + saved : "";
        return new ConsoleEditModel(kind, record, version, values, write, new Dictionary<string, string>(), null, null, notice, suggestion, history, view, token);
    }

    /// <summary>The edit form sent: "preview" checks it with the command's validators and shows old → new; "save" sends the command.</summary>
    private static async Task<object> EditAsync(HttpContext http, WebContext web, RequestPipelines pipeline, string token, string kindName, string id, CancellationToken ct)
    {
        var kind = ConsoleRecordKind.Of(kindName) ?? throw new NoSuchPageException();
        var form = await http.Request.ReadFormAsync(ct);
        var (record, _, history, view) = await LoadAsync(pipeline, kind, id, ct);
        var errors = new Dictionary<string, string>();
        var values = FormValues(web, form, kind.Fields, errors);
        var expected = long.TryParse(form["expected_version"], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0;
        var write = ConsoleWrite.From(form);
        var suggestion = long.TryParse(form["suggestion"], NumberStyles.None, CultureInfo.InvariantCulture, out var sid)
            ? await ActionableAsync(pipeline, sid, kind, id, ct) : null;
        var changes = kind.Fields.Where(f => values[f.Path] != f.Read(record)).Select(f => new ConsoleChange(f.Path, f.Read(record), values[f.Path])).ToList();
        if (changes.Count == 0) errors[""] = web.T("console.error.nochange");
        var context = WriteOf(web, write, suggestion, errors);
        var mask = new FieldMask(kind.Fields.Where(f => changes.Any(c => c.Field == f.Path)).Select(f => f.MaskPath).Distinct().ToList());
        var command = kind.Update(id, expected, values, mask, context);
        ConsoleConflict? conflict = null;
        if (errors.Count == 0 && form["step"] == "save")
        {
            var (written, failure) = await TrySendAsync(pipeline, kind, kind.Fields, command, errors, ct);
            if (written > 0)
            {
                if (suggestion is not null) await AcceptAsync(pipeline, suggestion, written, ct);
                return Saved(web, kind, id, written.ToString(CultureInfo.InvariantCulture));
            }
            if (failure is ConcurrencyConflictException c)
                conflict = new ConsoleConflict(expected, c.CurrentVersion, history.Where(e => e.Version.Version > expected).ToList());
        }
        else if (changes.Count > 0)
        {
            Validate(http, kind, kind.Fields, command, errors);   // every problem at once, the form's own limits with the command's
        }
        var model = new ConsoleEditModel(kind, record, expected, values, write, errors, changes, conflict, "", suggestion, history, view, token);
        return model;   // a form shown again with its errors or its conflict is a page like any other (200), as HTML forms do
    }

    /// <summary>A move or a retirement, with its own small form (version, effective date, reason, source).</summary>
    private static async Task<object> StructureAsync(HttpContext http, WebContext web, RequestPipelines pipeline, string token, string kindName, string id, string action, CancellationToken ct)
    {
        var kind = ConsoleRecordKind.Of(kindName) ?? throw new NoSuchPageException();
        if (action != "retire" && kind != ConsoleRecordKind.Units) throw new NoSuchPageException();
        var form = await http.Request.ReadFormAsync(ct);
        var (record, version, history, view) = await LoadAsync(pipeline, kind, id, ct);
        var expected = long.TryParse(form["expected_version"], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0;
        var errors = new Dictionary<string, string>();
        var context = WriteOf(web, ConsoleWrite.From(form), null, errors);
        var newId = form["new_id"].ToString().Trim();
        object command = action switch
        {
            "move" => new MoveUnitCommand(id, expected, form["new_parent"].ToString().Trim(), context),
            "create" => new CreateUnitCommand(newId, new UnitFields(
                Enum.TryParse<Domain.UnitKind>(form["unit_kind"], out var unitKind) && Enum.IsDefined(unitKind) ? unitKind : default,
                form["acronym"].ToString().Trim(), new Domain.LocalizedText(form["name.en"].ToString().Trim(), form["name.fr"].ToString().Trim(), ""),
                id, ((Domain.UnitRecord)record).OfficeId ?? "", Domain.LocalizedText.Empty, Domain.LocalizedList.Empty, ChannelFields.None), context),
            _ => kind.Retire(id, expected, context),
        };
        if (errors.Count == 0)
        {
            var (written, failure) = await TrySendAsync(pipeline, kind, kind.Fields, command, errors, ct);
            if (failure is null)
                return action == "create"
                    ? Saved(web, kind, newId, "1")
                    : Saved(web, kind, id, written > 0 ? written.ToString(CultureInfo.InvariantCulture) : "retired");
        }
        // The failures of a move or a retirement are shown beside its own form.
        var values = kind.Fields.ToDictionary(f => f.Path, f => f.Read(record));
        var model = new ConsoleEditModel(kind, record, version, values, ConsoleWrite.Empty, Merge(errors, action), null, null, "", null, history, view, token);
        return model;
    }

    private static Dictionary<string, string> Merge(Dictionary<string, string> errors, string action)
    {
        var shown = new Dictionary<string, string>();
        foreach (var (field, message) in errors)
        {
            var key = action + "." + (field is "reason" or "effective" ? field : "");
            shown[key] = shown.TryGetValue(key, out var before) ? before + " " + message : message;
        }
        return shown;
    }

    /// <summary>The write context of a form: its effective date (empty: now; a date: the start of that day in UTC), and its reason with the source and the suggestion it acts on.</summary>
    private static WriteContext WriteOf(WebContext web, ConsoleWrite write, Suggestion? suggestion, Dictionary<string, string> errors)
    {
        var effective = DateTime.UtcNow;
        if (write.Effective.Trim().Length > 0)
        {
            if (write.Effective.Length <= 10 && DateOnly.TryParseExact(write.Effective.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                effective = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            else
                errors["effective"] = web.T("console.error.effective");
        }
        var reason = write.Reason.Trim();
        if (reason.Length > 0 && write.Source.Trim().Length > 0) reason += " (source: " + write.Source.Trim() + ")";
        if (reason.Length > 0 && suggestion is not null) reason = $"[{suggestion.PublicId}] " + reason;
        return new WriteContext(reason, effective);
    }

    /// <summary>Sends the command; a failure the person can act on is put in <paramref name="errors"/> by field and returned.</summary>
    private static async Task<(long Written, Exception? Failure)> TrySendAsync(RequestPipelines pipeline, ConsoleRecordKind kind,
        IReadOnlyList<ConsoleField> fields, object command, Dictionary<string, string> errors, CancellationToken ct)
    {
        try
        {
            var written = await ConsoleRecordKind.SendAsync(pipeline, command, ct);
            return (written, null);
        }
        catch (ValidationException ex)
        {
            Collect(kind, fields, ex.Errors, errors);
            return (0, ex);
        }
        catch (Exception ex) when (ex is ConcurrencyConflictException or PreconditionFailedException or InvalidRequestException or NotFoundException)
        {
            errors[""] = ex.Message;
            return (0, ex);
        }
    }

    /// <summary>Runs the command's own validators (the ones the pipeline runs on save) for the preview.</summary>
    /// <remarks>A field the form already refused as too long keeps that one message.</remarks>
    private static void Validate(HttpContext http, ConsoleRecordKind kind, IReadOnlyList<ConsoleField> fields, object command, Dictionary<string, string> errors)
    {
        var refused = errors.Keys.ToHashSet();
        var validators = http.RequestServices.GetServices(typeof(IValidator<>).MakeGenericType(command.GetType())).OfType<IValidator>();
        foreach (var validator in validators)
            Collect(kind, fields, validator.Validate(new ValidationContext<object>(command)).Errors.Where(f => !refused.Contains(FieldOf(kind, fields, f))), errors);
    }

    /// <summary>Puts each failure beside the field of <paramref name="fields"/> it names ("" for the form when none: the message names it).</summary>
    private static void Collect(ConsoleRecordKind kind, IReadOnlyList<ConsoleField> fields, IEnumerable<FluentValidation.Results.ValidationFailure> failures,
        Dictionary<string, string> errors)
    {
        foreach (var failure in failures)
        {
            var field = FieldOf(kind, fields, failure);
            errors[field] = errors.TryGetValue(field, out var before) ? before + " " + failure.ErrorMessage : failure.ErrorMessage;
        }
    }

    /// <summary>The form field a failure is shown beside: one of <paramref name="fields"/>, "reason", "effective", or "" (the form).</summary>
    private static string FieldOf(ConsoleRecordKind kind, IReadOnlyList<ConsoleField> fields, FluentValidation.Results.ValidationFailure failure)
    {
        var field = kind.FieldOf(failure.PropertyName);
        if (field == "effective_from") field = "effective";
        return field is "reason" or "effective" ? field : fields.FirstOrDefault(f => f.Names(field))?.Path ?? "";
    }

    /// <summary>The record in force now (else its last version), the version an edit must name, its history and the view.</summary>
    private static async Task<(Domain.VersionedRecord Record, long Version, IReadOnlyList<HistoryEntry> History, Snapshots.DirectoryView View)> LoadAsync(
        RequestPipelines pipeline, ConsoleRecordKind kind, string id, CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        var history = await pipeline.Send(new GetRecordHistoryQuery(kind.Kind, id, new Snapshots.ReadContext(now, "en")), ct);
        var entries = history.Value;
        var record = entries.LastOrDefault(e => e.Version.IsInForceAt(now))?.Version ?? entries[^1].Version;
        return (record, entries.Max(e => e.Version.Version), entries, history.View);
    }

    /// <summary>A suggestion an edit of this record may act on: about it, and still waiting (else a 400 page says what became of it).</summary>
    private static async Task<Suggestion> ActionableAsync(RequestPipelines pipeline, long id, ConsoleRecordKind kind, string recordId, CancellationToken ct)
    {
        var suggestion = await pipeline.Send(new GetSuggestionQuery(id), ct);
        if (suggestion.RecordKind != kind.Kind || suggestion.RecordId != recordId)
            throw new PreconditionFailedException($"suggestion {suggestion.PublicId} is about {suggestion.RecordKind}/{suggestion.RecordId}, not this record");
        if (suggestion.Status != Suggestion.Pending)
            throw new PreconditionFailedException($"suggestion {suggestion.PublicId} was already {suggestion.Status}");
        return suggestion;
    }

    /// <summary>Marks the suggestion accepted after its edit was saved; if another editor settled it meanwhile, the edit stands and the log says so.</summary>
    private static async Task AcceptAsync(RequestPipelines pipeline, Suggestion suggestion, long version, CancellationToken ct)
    {
        try
        {
            await pipeline.Send(new MarkSuggestionAcceptedCommand(suggestion.Id, version), ct);
        }
        catch (PreconditionFailedException)
        {
            // Reviewed by someone else between the check and the save: the saved edit already names it in its reason.
        }
    }

    /// <summary>A form's values for <paramref name="fields"/>, trimmed, line ends as "\n"; a value over its field's limit is an error beside it.</summary>
    private static Dictionary<string, string> FormValues(WebContext web, IFormCollection form, IReadOnlyList<ConsoleField> fields, Dictionary<string, string> errors)
    {
        var values = fields.ToDictionary(f => f.Path, f => form[f.Path].ToString().Replace("\r\n", "\n", StringComparison.Ordinal).Trim());
        foreach (var f in fields.Where(f => values[f.Path].Length > f.Max))
            errors[f.Path] = web.T("console.error.toolong", ("max", f.Max.ToString(CultureInfo.InvariantCulture)));
        return values;
    }

    /// <summary>After a write: the record's page, saying what was saved, in the page's language.</summary>
    private static IResult Saved(WebContext web, ConsoleRecordKind kind, string id, string saved) =>
        Results.Redirect(web.Link(RecordPath(kind.Kind, id), ("saved", saved)), permanent: false, preserveMethod: false);

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length] + "…";
}
