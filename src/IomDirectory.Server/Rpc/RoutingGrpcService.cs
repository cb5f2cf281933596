using Grpc.Core;
using IomDirectory.Contracts.V1;
using IomDirectory.Server.Features.Routing;
using static IomDirectory.Server.Rpc.RequestMapping;
using IomDirectory.Server.Rpc.Internal;

namespace IomDirectory.Server.Rpc;

/// <summary>
/// iom.directory.v1.RoutingService: SuggestContacts maps its message to a query and the answer back (mapped once per
/// remembered answer, see <see cref="SuggestionMessages"/>, and encoded once, see <see cref="PreEncodedResponses"/>).
/// </summary>
[BindServiceMethod(typeof(RoutingGrpcService), nameof(BindService))]
public class RoutingGrpcService(RpcPipeline rpc, RoutingAnswerCache answers, SuggestionMessages messages)
{
    /// <summary>The service this class implements, read by grpc-dotnet's reflection and JSON transcoding.</summary>
    public static Google.Protobuf.Reflection.ServiceDescriptor Descriptor => RoutingService.Descriptor;

    /// <summary>Binds every method of the descriptor with our marshallers (<see cref="PreEncodedResponses"/>).</summary>
    public static void BindService(ServiceBinderBase binder, RoutingGrpcService service) => PreEncodedResponses.Bind(binder, Descriptor);

    public virtual async Task<SuggestContactsResponse> SuggestContacts(SuggestContactsRequest r, ServerCallContext c)
    {
        var read = Read(r.AsOf, r.Language);
        var result = (await rpc.Send(c, new SuggestContactsQuery(r.Query, r.AskerCountry, r.MaxResults, read))).Value;
        return answers.Remembers ? messages.Get(result) : SuggestionMessages.Response(result);
    }
}
