using IomDirectory.Server.Domain;

namespace IomDirectory.Server.Routing;

/// <summary>Who is asking: their country and the regional office covering it in the view routed on.</summary>
public sealed record Asker(Country Country, OfficeRecord RegionalOffice);

/// <summary>A question to route. <paramref name="LanguageHint"/> is "" (detect), "en", "fr" or "es".</summary>
public sealed record RouteRequest(string Query, string LanguageHint, Asker? Asker, int MaxResults);

/// <summary>One suggested contact; <see cref="Kind"/> is "mailbox", "focal_point", "unit" or "office".</summary>
public sealed record RoutedContact(
    string Kind,
    string DisplayName,
    string Email,
    string UnitId,
    string UnitName,
    string OfficeId,
    string OfficeName,
    string OfficeCity,
    string RoleTitle,
    double Score,
    IReadOnlyList<string> Reasons)
{
    /// <summary>The record suggested, "unit:ID", "office:ID" or "focal_point:ID" (a mailbox: its owner unit), for the gaps report.</summary>
    public string RecordKey { get; init; } = "";

    public string PersonName { get; init; } = "";
    public string PersonTitle { get; init; } = "";
    public IReadOnlyList<string> Phones { get; init; } = [];

    /// <summary>Whom to write to when the contact has no address of its own, in the answer's language.</summary>
    public SuggestedRoute? Route { get; init; }

    /// <summary>An address or phone of its own, or a route.</summary>
    public bool Reachable => Email.Length > 0 || Phones.Count > 0 || Route is not null;
}

/// <summary>A <see cref="Snapshots.ReachRoute"/> in the answer's language.</summary>
public sealed record SuggestedRoute(string Email, string ViaId, string ViaKind, string ViaName, string Reason, string Source, bool Computed);

public sealed record RoutingResult(IReadOnlyList<RoutedContact> Suggestions, string Language, bool Confident);
