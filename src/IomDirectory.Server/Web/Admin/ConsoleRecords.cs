using IomDirectory.Server.Application;
using IomDirectory.Server.Domain;
using IomDirectory.Server.Features.Admin;
using IomDirectory.Server.Features.Admin.Common;
using IomDirectory.Server.Features.Admin.FocalPoints;
using IomDirectory.Server.Features.Admin.Mailboxes;
using IomDirectory.Server.Features.Admin.Offices;
using IomDirectory.Server.Features.Admin.Units;
using IomDirectory.Server.Features.History;
using IomDirectory.Server.Snapshots;
using IomDirectory.Server.Changes;
namespace IomDirectory.Server.Web.Admin;

/// <summary>
/// A field the console edits or fills in for a new record: its path (the command's field-mask path, and the form
/// field's name), whether it takes a paragraph, how it reads from a version, its length limit (the form's
/// <c>maxlength</c>, the validators' limit) and, for a choice, its values. Validation failures name the same path
/// after the record's prefix ("unit.name.en"), so each message is shown beside its field.
/// </summary>
public sealed record ConsoleField(string Path, bool Long, Func<VersionedRecord, string> Read)
{
    /// <summary>The field-mask path a change of this field sets ("channels.route" for the route's via and reasons).</summary>
    public string MaskPath { get; init; } = Path;

    /// <summary>The most characters the field takes.</summary>
    public int Max { get; init; }

    /// <summary>For a choice: its values (an enum's names) and the interface-text key prefix of their labels.</summary>
    public (IReadOnlyList<string> Values, string LabelKey)? Choices { get; init; }

    /// <summary>
    /// Whether a failure's path (after the record's prefix) is about this field: "channels.phones[1]" is about
    /// "channels.phones", and a failure about a whole text ("name") is shown beside its English field.
    /// </summary>
    public bool Names(string failure) =>
        failure == Path || failure.StartsWith(Path + "[", StringComparison.Ordinal) ||
        (Path.EndsWith(".en", StringComparison.Ordinal) && failure == Path[..^3]) ||
        (Path == "channels.route_via" && failure == "channels.route_via_id");

    /// <summary>The field's label in the page's language: "Name (English)", "Nom (anglais)".</summary>
    public string Label(WebContext web)
    {
        var dot = Path.LastIndexOf('.');
        var language = dot > 0 && ReadContext.Languages.Contains(Path[(dot + 1)..]) ? Path[(dot + 1)..] : "";
        var text = web.T("console.field." + (language.Length > 0 ? Path[..dot] : Path));
        return language.Length > 0 ? $"{text} ({web.T("lang." + language)})" : text;
    }
}

/// <summary>
/// What the console edits and creates of one kind of record: the fields of its update command (responsibilities, a
/// unit's kind and an office's type and parent stay with the API and the CLI for edits), the fields of its create
/// command, and how a form's fields become those same commands.
/// </summary>
public sealed record ConsoleRecordKind(
    string Kind,
    string Prefix,
    IReadOnlyList<ConsoleField> Fields,
    Func<DirectorySnapshot, string, IReadOnlyList<VersionedRecord>> History,
    Func<string, long, IReadOnlyDictionary<string, string>, FieldMask, WriteContext, object> Update,
    IReadOnlyList<ConsoleField> NewFields,
    Func<IReadOnlyDictionary<string, string>, WriteContext, object> Create)
{
    public static readonly ConsoleRecordKind Units = new(GetRecordHistoryQuery.Units, "unit",
        UnitInputs(),
        (s, id) => s.Units.History(id),
        (id, version, v, mask, write) => new UpdateUnitCommand(id, version,
            new UnitFields(default, v["acronym"], Text(v, "name"), "", v["office_id"], Text(v, "description"), LocalizedList.Empty, ChannelsOf(v)),
            mask, write),
        [New, Choice<UnitKind>("kind", "console.unitkind."), Plain("parent_unit_id", _ => "", WriteRules.IdMaxLength), .. UnitInputs()],
        (v, write) => new CreateUnitCommand(v["id"], new UnitFields(Parse<UnitKind>(v["kind"]), v["acronym"], Text(v, "name"), v["parent_unit_id"],
            v["office_id"], Text(v, "description"), LocalizedList.Empty, ChannelsOf(v)), write));

    public static readonly ConsoleRecordKind Offices = new(GetRecordHistoryQuery.Offices, "office",
        OfficeInputs(),
        (s, id) => s.Offices.History(id),
        (id, version, v, mask, write) => new UpdateOfficeCommand(id, version,
            new OfficeFields(default, Text(v, "name"), Text(v, "city"), "", "", Text(v, "description"), ChannelsOf(v)), mask, write),
        [New, Choice<OfficeType>("type", "office.type."), Plain("country_code", _ => "", RecordLimits.CountryCode),
         Plain("parent_office_id", _ => "", WriteRules.IdMaxLength), .. OfficeInputs()],
        (v, write) => new CreateOfficeCommand(v["id"], new OfficeFields(Parse<OfficeType>(v["type"]), Text(v, "name"), Text(v, "city"),
            v["country_code"], v["parent_office_id"], Text(v, "description"), ChannelsOf(v)), write));

    public static readonly ConsoleRecordKind Mailboxes = new(GetRecordHistoryQuery.Mailboxes, "mailbox",
        MailboxInputs(),
        (s, id) => s.Mailboxes.History(id),
        (id, version, v, mask, write) => new UpdateMailboxCommand(id, version,
            new MailboxFields(v["address"], "", Text(v, "purpose")), mask, write),
        [New, Plain("owner_unit_id", _ => "", WriteRules.IdMaxLength), Plain("owner_office_id", _ => "", WriteRules.IdMaxLength), .. MailboxInputs()],
        (v, write) => new CreateMailboxCommand(v["id"], new MailboxFields(v["address"], v["owner_unit_id"], Text(v, "purpose"), v["owner_office_id"]), write));

    public static readonly ConsoleRecordKind FocalPoints = new(GetRecordHistoryQuery.FocalPoints, "focal_point",
        FocalPointInputs(),
        (s, id) => s.FocalPoints.History(id),
        (id, version, v, mask, write) => new UpdateFocalPointCommand(id, version,
            new FocalPointFields(Text(v, "role_title"), "", "", v["person_name"], v["email"], Text(v, "description"), v["person_title"], ChannelsOf(v)),
            mask, write),
        [New, Plain("office_id", _ => "", WriteRules.IdMaxLength), Plain("unit_id", _ => "", WriteRules.IdMaxLength), .. FocalPointInputs()],
        (v, write) => new CreateFocalPointCommand(v["id"], new FocalPointFields(Text(v, "role_title"), v["office_id"], v["unit_id"], v["person_name"],
            v["email"], Text(v, "description"), v["person_title"], ChannelsOf(v)), write));

    public static readonly IReadOnlyList<ConsoleRecordKind> All = [Units, Offices, Mailboxes, FocalPoints];

    /// <summary>Sends a create, update, move or retire command of the AdminService through the pipeline; the version written (0 for a retirement).</summary>
    public static async Task<long> SendAsync(RequestPipelines pipeline, object command, CancellationToken ct)
    {
        switch (command)
        {
            case UpdateUnitCommand c: return (await pipeline.Send(c, ct)).Version;
            case UpdateOfficeCommand c: return (await pipeline.Send(c, ct)).Version;
            case UpdateMailboxCommand c: return (await pipeline.Send(c, ct)).Version;
            case UpdateFocalPointCommand c: return (await pipeline.Send(c, ct)).Version;
            case MoveUnitCommand c: return (await pipeline.Send(c, ct)).Version;
            case CreateUnitCommand c: return (await pipeline.Send(c, ct)).Version;
            case CreateOfficeCommand c: return (await pipeline.Send(c, ct)).Version;
            case CreateMailboxCommand c: return (await pipeline.Send(c, ct)).Version;
            case CreateFocalPointCommand c: return (await pipeline.Send(c, ct)).Version;
            case RetireUnitCommand c: await pipeline.Send(c, ct); return 0;
            case RetireOfficeCommand c: await pipeline.Send(c, ct); return 0;
            case RetireRecordCommand c: await pipeline.Send(c, ct); return 0;
            case Features.Admin.Coverage.SetCoverageCommand c: await pipeline.Send(c, ct); return 0;
            default: throw new ArgumentException("not a console command: " + command.GetType().Name, nameof(command));
        }
    }

    /// <summary>The retirement of a record of this kind (a unit's children, mailboxes and focal points are not taken with it: the rules then refuse).</summary>
    public object Retire(string id, long expectedVersion, WriteContext write) => Kind switch
    {
        GetRecordHistoryQuery.Units => new RetireUnitCommand(id, expectedVersion, new RetireUnitOptions("", false, "", false, false), write),
        GetRecordHistoryQuery.Offices => new RetireOfficeCommand(id, expectedVersion, write),
        GetRecordHistoryQuery.Mailboxes => new RetireRecordCommand(RetireRecordCommand.Mailbox, id, expectedVersion, write),
        _ => new RetireRecordCommand(RetireRecordCommand.FocalPoint, id, expectedVersion, write),
    };

    public static ConsoleRecordKind? Of(string kind) => All.FirstOrDefault(k => k.Kind == kind);

    public static ConsoleRecordKind? Of(VersionedRecord record) => record switch
    {
        UnitRecord => Units,
        OfficeRecord => Offices,
        MailboxRecord => Mailboxes,
        FocalPointRecord => FocalPoints,
        _ => null,
    };

    /// <summary>The record's name as the console lists it.</summary>
    public static string Title(VersionedRecord record, string language) => record switch
    {
        UnitRecord u => u.Name.In(language) + (string.IsNullOrEmpty(u.Acronym) ? "" : $" ({u.Acronym})"),
        OfficeRecord o => o.Name.In(language),
        MailboxRecord m => m.Address,
        FocalPointRecord f => f.RoleTitle.In(language),
        _ => record.Id,
    };

    /// <summary>The form field a validation failure's path names ("unit.name.en" → "name.en"; "write.reason" → "reason").</summary>
    public string FieldOf(string failurePath)
    {
        foreach (var prefix in new[] { Prefix + ".", "write." })
            if (failurePath.StartsWith(prefix, StringComparison.Ordinal)) return failurePath[prefix.Length..];
        return failurePath;
    }

    private static IReadOnlyList<ConsoleField> UnitInputs() =>
        [Plain("acronym", r => ((UnitRecord)r).Acronym ?? "", RecordLimits.Acronym), .. Texts("name", r => ((UnitRecord)r).Name, RecordLimits.Name),
         Plain("office_id", r => ((UnitRecord)r).OfficeId ?? "", WriteRules.IdMaxLength),
         .. Texts("description", r => ((UnitRecord)r).Description, RecordLimits.Description, true), .. Channels(r => ((UnitRecord)r).Channels)];

    private static IReadOnlyList<ConsoleField> OfficeInputs() =>
        [.. Texts("name", r => ((OfficeRecord)r).Name, RecordLimits.Name), .. Texts("city", r => ((OfficeRecord)r).City, RecordLimits.Name),
         .. Texts("description", r => ((OfficeRecord)r).Description, RecordLimits.Description, true), .. Channels(r => ((OfficeRecord)r).Channels)];

    private static IReadOnlyList<ConsoleField> MailboxInputs() =>
        [Plain("address", r => ((MailboxRecord)r).Address, RecordLimits.EmailAddress), .. Texts("purpose", r => ((MailboxRecord)r).Purpose, RecordLimits.Purpose)];

    private static IReadOnlyList<ConsoleField> FocalPointInputs() =>
        [.. Texts("role_title", r => ((FocalPointRecord)r).RoleTitle, RecordLimits.Name),
         Plain("person_name", r => ((FocalPointRecord)r).Person ?? "", RecordLimits.Name),
         Plain("person_title", r => ((FocalPointRecord)r).PersonTitle ?? "", RecordLimits.Name),
         Plain("email", r => ((FocalPointRecord)r).Email ?? "", RecordLimits.EmailAddress),
         .. Texts("description", r => ((FocalPointRecord)r).Description, RecordLimits.Description, true), .. Channels(r => ((FocalPointRecord)r).Channels)];

    /// <summary>The id a new record is given (lower-case kebab-case, never reused).</summary>
    private static ConsoleField New => Plain("id", _ => "", WriteRules.IdMaxLength);

    private static ConsoleField Plain(string path, Func<VersionedRecord, string> read, int max) => new(path, false, read) { Max = max };

    private static ConsoleField Choice<TEnum>(string path, string labelKey) where TEnum : struct, Enum =>
        new(path, false, _ => "") { Max = WriteRules.IdMaxLength, Choices = ([.. Enum.GetNames<TEnum>()], labelKey) };

    /// <summary>An enum's value by name; anything else is the enum's default, which the command's validator refuses beside the field.</summary>
    private static TEnum Parse<TEnum>(string name) where TEnum : struct, Enum =>
        Enum.GetNames<TEnum>().Contains(name, StringComparer.Ordinal) ? Enum.Parse<TEnum>(name) : default;

    private static IEnumerable<ConsoleField> Texts(string path, Func<VersionedRecord, LocalizedText> read, int max, bool paragraph = false) =>
        ReadContext.Languages.Select(l => new ConsoleField(path + "." + l, paragraph, r => l switch { "fr" => read(r).Fr, "es" => read(r).Es, _ => read(r).En }) { Max = max });

    /// <summary>E-mail addresses and phones one a line, the postal address, the website, and the route (via and reasons: one mask path).</summary>
    private static IEnumerable<ConsoleField> Channels(Func<VersionedRecord, ContactChannels> read) =>
    [
        new("channels.emails", true, r => string.Join("\n", read(r).Emails.Select(e => e.Value))) { Max = ChannelRules.MaxEmails * (RecordLimits.EmailAddress + 1) },
        new("channels.phones", true, r => string.Join("\n", read(r).Phones.Select(p => p.Value))) { Max = ChannelRules.MaxPhones * (ChannelRules.MaxPhoneLength + 1) },
        new("channels.postal_address", true, r => read(r).PostalAddress?.Value ?? "") { Max = ChannelRules.MaxPostalAddress },
        new("channels.website", false, r => read(r).Website?.Value ?? "") { Max = ChannelRules.MaxWebsite },
        new("channels.route_via", false, r => read(r).Route?.Via ?? "") { MaskPath = "channels.route", Max = ChannelRules.MaxVia },
        .. Texts("channels.route_reason", r => read(r).Route?.Reason ?? LocalizedText.Empty, ChannelRules.MaxReason).Select(f => f with { MaskPath = "channels.route" }),
    ];

    private static ChannelFields ChannelsOf(IReadOnlyDictionary<string, string> v) => new(
        Lines(v["channels.emails"]), Lines(v["channels.phones"]), v["channels.postal_address"], v["channels.website"], v["channels.route_via"],
        Text(v, "channels.route_reason"));

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static LocalizedText Text(IReadOnlyDictionary<string, string> values, string path) =>
        new(values[path + ".en"], values[path + ".fr"], values[path + ".es"]);
}
