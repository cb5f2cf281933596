using IomDirectory.Contracts.V1;
using IomDirectory.Grpc;
using IomDirectory.Server.Features.Routing;
using IomDirectory.Server.Routing;
using static IomDirectory.Server.Rpc.RequestMapping;

namespace IomDirectory.Server.Rpc;

/// <summary>iom.directory.v1.RoutingService: SuggestContacts maps its message to a query and the answer back.</summary>
public static class RoutingServiceBinding
{
    public static IGrpcServerBuilder AddRoutingService(this IGrpcServerBuilder builder) =>
        builder.AddService(RoutingReflection.Descriptor.Services.Single(s => s.Name == "RoutingService"), Bind);

    private static void Bind(GrpcServiceBinder b) =>
        b.Unary<SuggestContactsRequest, SuggestContactsResponse>("SuggestContacts", async (r, c) =>
        {
            var read = Read(r.AsOf, r.Language);
            var result = (await c.Send(new SuggestContactsQuery(r.Query, r.AskerCountry, r.MaxResults, read))).Value;
            var response = new SuggestContactsResponse { DetectedLanguage = result.Language, Confident = result.Confident };
            response.Suggestions.AddRange(result.Suggestions.Select(Suggestion));
            return response;
        });

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
        };
        message.Reasons.AddRange(s.Reasons);
        return message;
    }
}
