using Grpc.Core;
using IomDirectory.Contracts.V1;
using IomDirectory.Server.Features.Common;
using IomDirectory.Server.Features.Routing;
using static IomDirectory.Server.Rpc.RequestMapping;
using IomDirectory.Server.Rpc.Internal;

namespace IomDirectory.Server.Rpc;

/// <summary>
/// iom.directory.v1.RoutingService: SuggestContacts maps its message to a query and the answer back (mapped once per
/// question and view, and encoded once: see <see cref="ResponseCache"/> and <see cref="PreEncodedResponses"/>).
/// </summary>
[BindServiceMethod(typeof(RoutingGrpcService), nameof(BindService))]
public class RoutingGrpcService(RpcPipeline rpc, ResponseCache responses)
{
    /// <summary>The service this class implements, read by grpc-dotnet's reflection and JSON transcoding.</summary>
    public static Google.Protobuf.Reflection.ServiceDescriptor Descriptor => RoutingService.Descriptor;

    /// <summary>Binds every method of the descriptor with our marshallers (<see cref="PreEncodedResponses"/>).</summary>
    public static void BindService(ServiceBinderBase binder, RoutingGrpcService service) => PreEncodedResponses.Bind(binder, Descriptor);

    public virtual async Task<SuggestContactsResponse> SuggestContacts(SuggestContactsRequest r, ServerCallContext c)
    {
        var read = Read(r.AsOf, r.Language);
        var query = new SuggestContactsQuery(r.Query, r.AskerCountry, r.MaxResults, read);
        var answer = await rpc.Send(c, query);
        return responses.GetOrAdd(answer.View, SuggestContactsHandler.Key(query, "SuggestContactsResponse"),
            static result => PreEncodedResponses.Remember(SuggestionMapping.Response(result)), answer.Value);
    }
}
