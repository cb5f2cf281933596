using IomDirectory.Contracts.V1;
using IomDirectory.Grpc;
using IomDirectory.Server.Features.Routing;
using Microsoft.Extensions.DependencyInjection;
using static IomDirectory.Server.Rpc.RequestMapping;

namespace IomDirectory.Server.Rpc;

/// <summary>
/// iom.directory.v1.RoutingService: SuggestContacts maps its message to a query and the answer back (encoded once
/// per remembered answer, see <see cref="SuggestionMessages"/>).
/// </summary>
public static class RoutingServiceBinding
{
    public static IGrpcServerBuilder AddRoutingService(this IGrpcServerBuilder builder) =>
        builder.AddService(RoutingReflection.Descriptor.Services.Single(s => s.Name == "RoutingService"), Bind);

    private static void Bind(GrpcServiceBinder b) =>
        b.UnaryEncoded<SuggestContactsRequest, SuggestContactsResponse>("SuggestContacts", async (r, c) =>
        {
            var read = Read(r.AsOf, r.Language);
            var result = (await c.Send(new SuggestContactsQuery(r.Query, r.AskerCountry, r.MaxResults, read))).Value;
            var services = c.ApplicationServices;
            return services.GetRequiredService<RoutingAnswerCache>().Remembers
                ? services.GetRequiredService<SuggestionMessages>().Get(result)
                : SuggestionMessages.Encode(result);
        });
}
