using IomDirectory.Server.Domain;

namespace IomDirectory.Server.Snapshots;

/// <summary>A second-best way to reach a record: the address of the unit or office that answers for it, and why.</summary>
/// <param name="Computed">True when the route follows the rule of the unit tree rather than a route the data gives.</param>
public sealed record ReachRoute(string Email, string ViaId, string ViaKind, LocalizedText ViaName, LocalizedText Reason, string Source, bool Computed);

/// <summary>How a record can be reached: its own e-mail addresses (mailboxes included) and phones, else a route.</summary>
public sealed record Reach(IReadOnlyList<ChannelValue> Emails, IReadOnlyList<ChannelValue> Phones, ReachRoute? Route)
{
    public static readonly Reach Nothing = new([], [], null);

    public bool Direct => Emails.Count > 0 || Phones.Count > 0;

    public bool Reachable => Direct || Route is not null;
}

/// <summary>A record that cannot be reached, directly or through a route.</summary>
public sealed record ReachGap(string Kind, string Id, LocalizedText Name);

/// <summary>
/// Who can be reached in one view, and how. A record is reached directly through an e-mail address (its mailboxes,
/// its channels' e-mail addresses, a focal point's e-mail) or a phone. Without one, through a route:
/// the route its channels give (data/ or an edit: through a unit or office, with the reason and source), else, for a
/// unit, <b>the one rule computed from the tree</b>: the nearest unit above it that has an e-mail address of its own.
/// A route leads to an address or is no route: a via without an address is none.
/// </summary>
public sealed class Reachability
{
    /// <summary>The reason the tree rule gives, "{via}" being the unit that answers.</summary>
    private static readonly LocalizedText ParentReason = new(
        "{via} is the nearest unit above it in the org chart with an address of its own.",
        "{via} est l’unité la plus proche au-dessus d’elle dans l’organigramme qui a sa propre adresse.",
        "{via} es la unidad más cercana por encima de ella en el organigrama con una dirección propia.");

    private readonly DirectoryView _view;
    private readonly ILookup<string, MailboxRecord> _mailboxes;
    private readonly Dictionary<string, Reach> _units = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public Reachability(DirectoryView view)
    {
        _view = view;
        _mailboxes = view.Mailboxes.ToLookup(m => m.OwnerId, StringComparer.Ordinal);
    }

    public Reach Of(UnitRecord unit)
    {
        lock (_lock)
        {
            if (_units.TryGetValue(unit.Id, out var known)) return known;
            var reach = Direct(unit.Id, unit.Channels, null, unit.Source);
            if (!reach.Direct)
                reach = reach with { Route = Explicit(unit.Channels) ?? NearestParent(unit) };
            return _units[unit.Id] = reach;
        }
    }

    public Reach Of(OfficeRecord office)
    {
        var reach = Direct(office.Id, office.Channels, null, office.Source);
        return reach.Direct ? reach : reach with { Route = Explicit(office.Channels) };
    }

    public Reach Of(FocalPointRecord focalPoint)
    {
        var reach = Direct(focalPoint.Id, focalPoint.Channels, focalPoint.Email, focalPoint.Source);
        return reach.Direct ? reach : reach with { Route = Explicit(focalPoint.Channels) };
    }

    /// <summary>The record of a key "unit:ID", "office:ID" or "focal_point:ID" in this view, and how it is reached; null if not in force.</summary>
    public (ReachGap Record, Reach Reach)? OfKey(string key)
    {
        var (kind, id) = key.IndexOf(':') is var at and > 0 ? (key[..at], key[(at + 1)..]) : ("", key);
        return kind switch
        {
            "unit" when _view.Units.GetValueOrDefault(id) is { } u => (new ReachGap(kind, id, u.Name), Of(u)),
            "office" when _view.Offices.GetValueOrDefault(id) is { } o => (new ReachGap(kind, id, o.Name), Of(o)),
            "focal_point" when _view.FocalPoints.FirstOrDefault(f => f.Id == id) is { } f => (new ReachGap(kind, id, FocalPointName(f)), Of(f)),
            _ => null,
        };
    }

    /// <summary>Every record in force that cannot be reached, units first, then offices, then focal points, by id.</summary>
    public IReadOnlyList<ReachGap> Gaps() =>
    [
        .. _view.Units.Values.Where(u => !Of(u).Reachable).OrderBy(u => u.Id, StringComparer.Ordinal).Select(u => new ReachGap("unit", u.Id, u.Name)),
        .. _view.Offices.Values.Where(o => !Of(o).Reachable).OrderBy(o => o.Id, StringComparer.Ordinal).Select(o => new ReachGap("office", o.Id, o.Name)),
        .. _view.FocalPoints.Where(f => !Of(f).Reachable).Select(f => new ReachGap("focal_point", f.Id, FocalPointName(f))),
    ];

    /// <summary>"DHRR Regional Thematic Specialist, Regional Office in Bangkok" in each language.</summary>
    public LocalizedText FocalPointName(FocalPointRecord f)
    {
        var office = _view.Offices.GetValueOrDefault(f.OfficeId)?.Name ?? LocalizedText.Empty;
        string Join(string role, string at) => at.Length == 0 ? role : $"{role}, {at}";
        return new LocalizedText(Join(f.RoleTitle.In("en"), office.In("en")), Join(f.RoleTitle.In("fr"), office.In("fr")), Join(f.RoleTitle.In("es"), office.In("es")));
    }

    private Reach Direct(string id, ContactChannels channels, string? email, string source)
    {
        var emails = new List<ChannelValue>();
        if (email is { Length: > 0 }) emails.Add(new ChannelValue(email, source));
        emails.AddRange(_mailboxes[id].Select(m => new ChannelValue(m.Address, m.Source)));
        emails.AddRange(channels.Emails);
        return emails.Count == 0 && channels.Phones.Count == 0 ? Reach.Nothing : new Reach(emails, channels.Phones, null);
    }

    /// <summary>The route the record's channels give, if its via has an e-mail address of its own.</summary>
    private ReachRoute? Explicit(ContactChannels channels)
    {
        if (channels.Route is not { } route) return null;
        if (_view.Units.GetValueOrDefault(route.Via) is { } unit && OwnEmail(unit.Id, unit.Channels) is { } unitEmail)
            return new ReachRoute(unitEmail.Value, unit.Id, "unit", Named(unit), route.Reason, route.Source, Computed: false);
        if (_view.Offices.GetValueOrDefault(route.Via) is { } office && OwnEmail(office.Id, office.Channels) is { } officeEmail)
            return new ReachRoute(officeEmail.Value, office.Id, "office", office.Name, route.Reason, route.Source, Computed: false);
        return null;
    }

    private ReachRoute? NearestParent(UnitRecord unit)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { unit.Id };
        for (var parent = Parent(unit); parent is not null && seen.Add(parent.Id); parent = Parent(parent))
            if (OwnEmail(parent.Id, parent.Channels) is { } email)
            {
                var name = Named(parent);
                var reason = new LocalizedText(ParentReason.En.Replace("{via}", name.In("en")), ParentReason.Fr.Replace("{via}", name.In("fr")),
                    ParentReason.Es.Replace("{via}", name.In("es")));
                return new ReachRoute(email.Value, parent.Id, "unit", name, reason, email.Source, Computed: true);
            }
        return null;
    }

    private UnitRecord? Parent(UnitRecord unit) => unit.ParentId is null ? null : _view.Units.GetValueOrDefault(unit.ParentId);

    private ChannelValue? OwnEmail(string id, ContactChannels channels) =>
        _mailboxes[id].Select(m => new ChannelValue(m.Address, m.Source)).FirstOrDefault() ?? channels.Emails.FirstOrDefault();

    /// <summary>A unit's name with its acronym where the name lacks it: "Department of … (DHRR)".</summary>
    private static LocalizedText Named(UnitRecord unit)
    {
        string With(string name) => unit.Acronym is { Length: > 0 } a && name.Length > 0 && !name.Contains(a, StringComparison.Ordinal) ? $"{name} ({a})" : name;
        return new LocalizedText(With(unit.Name.En), With(unit.Name.Fr), With(unit.Name.Es));
    }
}
