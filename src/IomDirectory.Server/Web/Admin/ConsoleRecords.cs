using IomDirectory.Server.Application;
using IomDirectory.Server.Domain;
using IomDirectory.Server.Features.Admin.Common;
using IomDirectory.Server.Features.Admin.FocalPoints;
using IomDirectory.Server.Features.Admin.Mailboxes;
using IomDirectory.Server.Features.Admin.Offices;
using IomDirectory.Server.Features.Admin.Units;
using IomDirectory.Server.Features.History;
using IomDirectory.Server.ReadModel;

namespace IomDirectory.Server.Web.Admin;

/// <summary>
/// A field the console edits: its path (the update command's field-mask path, and the form field's name), whether it
/// takes a paragraph, and how it reads from a version. Validation failures name the same path after the record's
/// prefix ("unit.name.en"), so each message is shown beside its field.
/// </summary>
public sealed record ConsoleField(string Path, bool Long, Func<VersionedRecord, string> Read)
{
    /// <summary>The field-mask path a change of this field sets ("channels.route" for the route's via and reasons).</summary>
    public string MaskPath { get; init; } = Path;

    /// <summary>Whether a failure's path (after the record's prefix) is about this field ("channels.phones[1]" is about "channels.phones").</summary>
    public bool Names(string failure) =>
        failure == Path || failure.StartsWith(Path + "[", StringComparison.Ordinal) ||
        (Path == "channels.route_via" && failure == "channels.route_via_id") ||
        (Path == "channels.route_reason.en" && failure == "channels.route_reason");
}

/// <summary>
/// What the console edits of one kind of record: the fields of its update command (channels, responsibilities, kind and
/// type stay with the API and the CLI for now), and how a form's changed fields become that same command.
/// </summary>
public sealed record ConsoleRecordKind(
    string Kind,
    string Prefix,
    IReadOnlyList<ConsoleField> Fields,
    Func<DirectorySnapshot, string, IReadOnlyList<VersionedRecord>> History,
    Func<string, long, IReadOnlyDictionary<string, string>, FieldMask, WriteContext, object> Update)
{
    public static readonly ConsoleRecordKind Units = new(GetRecordHistoryQuery.Units, "unit",
        [Plain("acronym", r => ((UnitRecord)r).Acronym ?? ""), .. Texts("name", r => ((UnitRecord)r).Name),
         Plain("office_id", r => ((UnitRecord)r).OfficeId ?? ""), .. Texts("description", r => ((UnitRecord)r).Description, true),
         .. Channels(r => ((UnitRecord)r).Channels)],
        (s, id) => s.Units.History(id),
        (id, version, v, mask, write) => new UpdateUnitCommand(id, version,
            new UnitFields(default, v["acronym"], Text(v, "name"), "", v["office_id"], Text(v, "description"), LocalizedList.Empty, ChannelsOf(v)),
            mask, write));

    public static readonly ConsoleRecordKind Offices = new(GetRecordHistoryQuery.Offices, "office",
        [.. Texts("name", r => ((OfficeRecord)r).Name), .. Texts("city", r => ((OfficeRecord)r).City), .. Texts("description", r => ((OfficeRecord)r).Description, true),
         .. Channels(r => ((OfficeRecord)r).Channels)],
        (s, id) => s.Offices.History(id),
        (id, version, v, mask, write) => new UpdateOfficeCommand(id, version,
            new OfficeFields(default, Text(v, "name"), Text(v, "city"), "", "", Text(v, "description"), ChannelsOf(v)), mask, write));

    public static readonly ConsoleRecordKind Mailboxes = new(GetRecordHistoryQuery.Mailboxes, "mailbox",
        [Plain("address", r => ((MailboxRecord)r).Address), .. Texts("purpose", r => ((MailboxRecord)r).Purpose)],
        (s, id) => s.Mailboxes.History(id),
        (id, version, v, mask, write) => new UpdateMailboxCommand(id, version,
            new MailboxFields(v["address"], "", Text(v, "purpose")), mask, write));

    public static readonly ConsoleRecordKind FocalPoints = new(GetRecordHistoryQuery.FocalPoints, "focal_point",
        [.. Texts("role_title", r => ((FocalPointRecord)r).RoleTitle), Plain("person_name", r => ((FocalPointRecord)r).Person ?? ""),
         Plain("person_title", r => ((FocalPointRecord)r).PersonTitle ?? ""), Plain("email", r => ((FocalPointRecord)r).Email ?? ""),
         .. Texts("description", r => ((FocalPointRecord)r).Description, true), .. Channels(r => ((FocalPointRecord)r).Channels)],
        (s, id) => s.FocalPoints.History(id),
        (id, version, v, mask, write) => new UpdateFocalPointCommand(id, version,
            new FocalPointFields(Text(v, "role_title"), "", "", v["person_name"], v["email"], Text(v, "description"), v["person_title"], ChannelsOf(v)),
            mask, write));

    public static readonly IReadOnlyList<ConsoleRecordKind> All = [Units, Offices, Mailboxes, FocalPoints];

    /// <summary>Sends an update, move or retire command of the AdminService through the pipeline; the version written (0 for a retirement).</summary>
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

    private static ConsoleField Plain(string path, Func<VersionedRecord, string> read) => new(path, false, read);

    private static IEnumerable<ConsoleField> Texts(string path, Func<VersionedRecord, LocalizedText> read, bool paragraph = false) =>
        ReadContext.Languages.Select(l => new ConsoleField(path + "." + l, paragraph, r => l switch { "fr" => read(r).Fr, "es" => read(r).Es, _ => read(r).En }));

    /// <summary>E-mail addresses and phones one a line, the postal address, the website, and the route (via and reasons: one mask path).</summary>
    private static IEnumerable<ConsoleField> Channels(Func<VersionedRecord, ContactChannels> read) =>
    [
        new("channels.emails", true, r => string.Join("\n", read(r).Emails.Select(e => e.Value))),
        new("channels.phones", true, r => string.Join("\n", read(r).Phones.Select(p => p.Value))),
        new("channels.postal_address", true, r => read(r).PostalAddress?.Value ?? ""),
        new("channels.website", false, r => read(r).Website?.Value ?? ""),
        new("channels.route_via", false, r => read(r).Route?.Via ?? "") { MaskPath = "channels.route" },
        .. Texts("channels.route_reason", r => read(r).Route?.Reason ?? LocalizedText.Empty).Select(f => f with { MaskPath = "channels.route" }),
    ];

    private static ChannelFields ChannelsOf(IReadOnlyDictionary<string, string> v) => new(
        Lines(v["channels.emails"]), Lines(v["channels.phones"]), v["channels.postal_address"], v["channels.website"], v["channels.route_via"],
        Text(v, "channels.route_reason"));

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static LocalizedText Text(IReadOnlyDictionary<string, string> values, string path) =>
        new(values[path + ".en"], values[path + ".fr"], values[path + ".es"]);
}
