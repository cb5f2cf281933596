using Grpc.Core;
using IomDirectory.Contracts.V1;
using IomDirectory.Server.Features.Routing;
using static IomDirectory.Server.Rpc.RequestMapping;

namespace IomDirectory.Server.Rpc;

/// <summary>
/// iom.directory.v1.RoutingService: SuggestContacts maps its message to a query and the answer back (mapped once per
/// remembered answer, see <see cref="SuggestionMessages"/>).
/// </summary>
public sealed class RoutingGrpcService(RpcPipeline rpc, RoutingAnswerCache answers, SuggestionMessages messages) : RoutingService.RoutingServiceBase
{
    public override async Task<SuggestContactsResponse> SuggestContacts(SuggestContactsRequest r, ServerCallContext c)
    {
        var read = Read(r.AsOf, r.Language);
        var result = (await rpc.Send(c, new SuggestContactsQuery(r.Query, r.AskerCountry, r.MaxResults, read))).Value;
        return answers.Remembers ? messages.Get(result) : SuggestionMessages.Response(result);
    }
}
