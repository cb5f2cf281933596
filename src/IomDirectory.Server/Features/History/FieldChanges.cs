using System.Text.Json;
using IomDirectory.Server.Domain;

namespace IomDirectory.Server.Features.History;

/// <summary>One attribute that differs between two versions of a record, named as the API names it.</summary>
public sealed record FieldChange(string Field, string Old, string New);

/// <summary>
/// Which fields differ between two versions of a record, by the names the API and the CLI use (<c>name.en</c>,
/// <c>parent_unit_id</c>, <c>responsibilities.fr</c>…), values as text (lists joined by "; ", kinds in snake case).
/// The one place that lists a record kind's fields for people: the history on the pages, GetRecordHistory, and the
/// audit trail, whose stored JSON (the records' own property names) is read back into records and compared the same way.
/// </summary>
public static class FieldChanges
{
    private static readonly JsonSerializerOptions StoredJson = new(JsonSerializerDefaults.Web);

    /// <summary>The fields that differ from <paramref name="before"/> (null: a record just created, every field set) to <paramref name="after"/>.</summary>
    public static IReadOnlyList<FieldChange> Between(VersionedRecord? before, VersionedRecord? after)
    {
        var old = before is null ? [] : Fields(before).ToDictionary(f => f.Field, f => f.Value, StringComparer.Ordinal);
        var @new = after is null ? [] : Fields(after).ToDictionary(f => f.Field, f => f.Value, StringComparer.Ordinal);
        var changes = new List<FieldChange>();
        foreach (var field in old.Keys.Concat(@new.Keys).Distinct(StringComparer.Ordinal))
        {
            var was = old.GetValueOrDefault(field, "");
            var now = @new.GetValueOrDefault(field, "");
            if (!string.Equals(was, now, StringComparison.Ordinal)) changes.Add(new FieldChange(field, was, now));
        }
        return changes;
    }

    /// <summary>The changes an audit event records, from its stored before and after JSON; none for a kind without fields here.</summary>
    public static IReadOnlyList<FieldChange> OfAuditEvent(AuditEventRecord e)
    {
        var type = e.EntityKind switch
        {
            "unit" => typeof(UnitRecord),
            "office" => typeof(OfficeRecord),
            "mailbox" => typeof(MailboxRecord),
            "focal_point" => typeof(FocalPointRecord),
            _ => null,
        };
        if (type is null) return [];
        try
        {
            return Between(Read(e.BeforeJson, type), Read(e.AfterJson, type));
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException)
        {
            return [];   // an event written by an older build in another shape: its JSON is still in before/after
        }
    }

    private static VersionedRecord? Read(string json, Type type) =>
        json.Length == 0 ? null : (VersionedRecord?)JsonSerializer.Deserialize(json, type, StoredJson);

    private static IEnumerable<(string Field, string Value)> Fields(VersionedRecord record) => record switch
    {
        UnitRecord u => [("kind", Snake(u.Kind.ToString())), ("acronym", u.Acronym ?? ""), .. Text("name", u.Name),
            ("parent_unit_id", u.ParentId ?? ""), ("office_id", u.OfficeId), .. Text("description", u.Description),
            .. List("responsibilities", u.Responsibilities), .. Channels(u.Channels)],
        OfficeRecord o => [("type", Snake(o.Type.ToString())), .. Text("name", o.Name), .. Text("city", o.City),
            ("country_code", o.Country), ("parent_office_id", o.ParentId ?? ""), .. Text("description", o.Description),
            .. List("responsibilities", o.Responsibilities), .. List("aliases", o.Aliases), .. Channels(o.Channels)],
        // Ids are unique across units and offices: the owner is one field here, as the record holds it.
        MailboxRecord m => [("address", m.Address), ("owner_id", m.OwnerId), .. Text("purpose", m.Purpose)],
        FocalPointRecord f => [.. Text("role_title", f.RoleTitle), ("office_id", f.OfficeId), ("unit_id", f.UnitId),
            ("person_name", f.Person ?? ""), ("person_title", f.PersonTitle ?? ""), ("email", f.Email ?? ""),
            .. Text("description", f.Description), .. Channels(f.Channels)],
        _ => [],
    };

    /// <summary>As the CLI's <c>--set</c> names them: <c>channels.phones</c>, <c>channels.route_via_id</c>, <c>channels.route_reason.fr</c>…</summary>
    private static IEnumerable<(string, string)> Channels(ContactChannels? channels) =>
    [
        ("channels.emails", Join(channels?.Emails.Select(e => e.Value).ToList())),
        ("channels.phones", Join(channels?.Phones.Select(p => p.Value).ToList())),
        ("channels.postal_address", channels?.PostalAddress?.Value ?? ""),
        ("channels.website", channels?.Website?.Value ?? ""),
        ("channels.route_via_id", channels?.Route?.Via ?? ""),
        .. Text("channels.route_reason", channels?.Route?.Reason),
    ];

    private static IEnumerable<(string, string)> Text(string field, LocalizedText? text) =>
        [($"{field}.en", text?.En ?? ""), ($"{field}.fr", text?.Fr ?? ""), ($"{field}.es", text?.Es ?? "")];

    private static IEnumerable<(string, string)> List(string field, LocalizedList? list) =>
        [($"{field}.en", Join(list?.En)), ($"{field}.fr", Join(list?.Fr)), ($"{field}.es", Join(list?.Es))];

    private static string Join(IReadOnlyList<string>? items) => items is null ? "" : string.Join("; ", items);

    private static string Snake(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
