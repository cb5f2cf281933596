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
    IReadOnlyList<string> Reasons);

public sealed record RoutingResult(IReadOnlyList<RoutedContact> Suggestions, string Language, bool Confident);
