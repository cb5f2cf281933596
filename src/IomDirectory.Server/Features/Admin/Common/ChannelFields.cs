using IomDirectory.Server.Domain;
using IomDirectory.Server.Snapshots;
using IomDirectory.Server.Changes;
namespace IomDirectory.Server.Features.Admin.Common;

/// <summary>
/// Contact channels as an edit gives them (ChannelsInput). An update sets the parts its mask names:
/// "channels" (all), "channels.emails", "channels.phones", "channels.postal_address", "channels.website",
/// "channels.route". A value the record already has keeps its source; a new one cites the audit trail.
/// </summary>
public sealed record ChannelFields(
    IReadOnlyList<string> Emails, IReadOnlyList<string> Phones, string PostalAddress, string Website, string RouteVia, LocalizedText RouteReason)
{
    public static readonly ChannelFields None = new([], [], "", "", "", LocalizedText.Empty);

    public static readonly IReadOnlyList<string> Parts = ["emails", "phones", "postal_address", "website", "route"];

    /// <summary>Whether the update sets channels.<paramref name="part"/>.</summary>
    public static bool Sets(FieldMask mask, string part) => mask.Sets("channels." + part) || mask.Paths.Contains("channels");

    /// <summary><paramref name="current"/> with the parts the mask sets taken from this input.</summary>
    public ContactChannels Apply(ContactChannels current, FieldMask mask)
    {
        ChannelValue Kept(string value, IEnumerable<ChannelValue?> had) =>
            had.FirstOrDefault(h => h is not null && string.Equals(h.Value, value, StringComparison.Ordinal)) ?? new ChannelValue(value, AuditSource.Id);
        ChannelValue? One(string value, ChannelValue? had) => value.Trim().Length == 0 ? null : Kept(value.Trim(), [had]);
        IReadOnlyList<ChannelValue> Many(IReadOnlyList<string> values, IReadOnlyList<ChannelValue> had) =>
            [.. values.Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).Select(v => Kept(v, had))];
        var route = current.Route;
        if (Sets(mask, "route"))
            route = RouteVia.Trim().Length == 0 ? null
                : current.Route is { } had && had.Via == RouteVia.Trim() && had.Reason == RouteReason ? had
                : new ContactRoute(RouteVia.Trim(), RouteReason, AuditSource.Id);
        var channels = new ContactChannels(
            Sets(mask, "emails") ? Many(Emails, current.Emails) : current.Emails,
            Sets(mask, "phones") ? Many(Phones, current.Phones) : current.Phones,
            Sets(mask, "postal_address") ? One(PostalAddress, current.PostalAddress) : current.PostalAddress,
            Sets(mask, "website") ? One(Website, current.Website) : current.Website,
            route);
        return channels.IsEmpty ? ContactChannels.None : channels;
    }

    /// <summary>The limits (<see cref="ChannelRules"/>) on the parts the mask sets, a route through a unit or office in force, no unknown part.</summary>
    public void Check(string prefix, string selfId, DirectoryView view, FieldMask mask, Action<string, string> fail)
    {
        foreach (var path in mask.Paths.Where(p => p.StartsWith("channels.", StringComparison.Ordinal) && !Parts.Contains(p["channels.".Length..])))
            fail("update_mask", $"'{path}' is not a field; channels has {string.Join(", ", Parts)}");
        var given = Apply(ContactChannels.None, mask);
        ChannelRules.Check(given, $"{prefix}.channels", (field, message) => fail(field.Replace(".route.via", ".route_via_id").Replace(".route.reason", ".route_reason"), message));
        var routeVia = RouteVia.Trim();
        if (Sets(mask, "route") && routeVia.Length > 0)
        {
            if (routeVia == selfId)
                fail($"{prefix}.channels.route_via_id", "a route goes through another unit or office, not the record itself");
            else if (!view.Units.ContainsKey(routeVia) && !view.Offices.ContainsKey(routeVia))
                fail($"{prefix}.channels.route_via_id", $"no unit or office '{routeVia}' at the effective date");
        }
        else if (Sets(mask, "route") && !RouteReason.IsEmpty)
            fail($"{prefix}.channels.route_via_id", "a route reason needs the unit or office to route through");
        if (Emails.Count > ChannelRules.MaxEmails * 4 || Phones.Count > ChannelRules.MaxPhones * 4)
            fail($"{prefix}.channels", "too many values");
    }
}
