using IomDirectory.Contracts.V1;
using IomDirectory.Server.Routing;

namespace IomDirectory.Server.Rpc;

/// <summary>A routing answer as the SuggestContacts response.</summary>
public static class SuggestionMapping
{
    public static SuggestContactsResponse Response(RoutingResult result)
    {
        var response = new SuggestContactsResponse { DetectedLanguage = result.Language, Confident = result.Confident };
        foreach (var suggestion in result.Suggestions)
            response.Suggestions.Add(Suggestion(suggestion));
        return response;
    }

    private static ContactSuggestion Suggestion(RoutedContact s)
    {
        var message = new ContactSuggestion
        {
            ContactKind = s.Kind,
            DisplayName = s.DisplayName,
            Email = s.Email,
            UnitId = s.UnitId,
            UnitName = s.UnitName,
            OfficeId = s.OfficeId,
            OfficeName = s.OfficeName,
            OfficeCity = s.OfficeCity,
            RoleTitle = s.RoleTitle,
            Score = s.Score,
            PersonName = s.PersonName,
            PersonTitle = s.PersonTitle,
            Reachable = s.Reachable,
            RecordId = s.RecordKey[(s.RecordKey.IndexOf(':') + 1)..],
        };
        message.Reasons.AddRange(s.Reasons);
        message.Phones.AddRange(s.Phones);
        if (s.Route is { } route)
            message.Route = new ContactRoute
            {
                Email = route.Email, ViaId = route.ViaId, ViaKind = route.ViaKind, ViaName = route.ViaName, Reason = route.Reason,
                SourceDocument = route.Source, Computed = route.Computed,
            };
        return message;
    }
}
