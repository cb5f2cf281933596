using Grpc.Core;
using IomDirectory.Contracts.V1;
using IomDirectory.Server.Features.Common;
using IomDirectory.Server.Features.Contacts;
using IomDirectory.Server.Features.Countries;
using IomDirectory.Server.Features.Offices;
using IomDirectory.Server.Features.Search;
using IomDirectory.Server.Features.Units;
using static IomDirectory.Server.Rpc.RequestMapping;
using IomDirectory.Server.Rpc.Internal;

namespace IomDirectory.Server.Rpc;

/// <summary>
/// iom.directory.v1.DirectoryService on grpc-dotnet: each method maps its message to a query, sends
/// it through the application pipeline, and maps the answer back. No logic lives here. A singleton: grpc-dotnet
/// takes it from DI instead of activating one per call. Bound through <see cref="BindService"/>, so that GetUnit
/// writes the cached units' encodings (<see cref="PreEncodedResponses"/>).
/// </summary>
[BindServiceMethod(typeof(DirectoryGrpcService), nameof(BindService))]
public class DirectoryGrpcService(RpcPipeline rpc, ResponseCache responses)
{
    /// <summary>The service this class implements, read by grpc-dotnet's reflection and JSON transcoding.</summary>
    public static Google.Protobuf.Reflection.ServiceDescriptor Descriptor => DirectoryService.Descriptor;

    /// <summary>Binds every method of the descriptor with our marshallers (<see cref="PreEncodedResponses"/>).</summary>
    public static void BindService(ServiceBinderBase binder, DirectoryGrpcService service) => PreEncodedResponses.Bind(binder, Descriptor);

    public virtual async Task<Office> GetOffice(GetOfficeRequest r, ServerCallContext c)
    {
        var read = Read(r.AsOf, r.Language);
        var result = await rpc.Send(c, new GetOfficeQuery(r.Id, read));
        return MessageMapping.Office(result.Value, result.View, read.Language);
    }

    public virtual async Task<ListOfficesResponse> ListOffices(ListOfficesRequest r, ServerCallContext c)
    {
        var read = Read(r.AsOf, r.Language);
        var result = await rpc.Send(c, new ListOfficesQuery(Filter<Domain.OfficeType>((int)r.Type), r.Region, r.Country, Page(r.PageSize, r.PageToken), read));
        var response = new ListOfficesResponse { NextPageToken = result.Value.NextPageToken, TotalSize = result.Value.TotalSize };
        response.Offices.AddRange(result.Value.Items.Select(o => MessageMapping.Office(o, result.View, read.Language)));
        return response;
    }

    public virtual async Task<Unit> GetUnit(GetUnitRequest r, ServerCallContext c)
    {
        var read = Read(r.AsOf, r.Language);
        var result = await rpc.Send(c, new GetUnitQuery(r.Id, read));
        return responses.GetOrAdd(result.View, new ResponseKey("Unit", result.Value.Id, read.Language),
            static a => PreEncodedResponses.Remember(MessageMapping.Unit(a.Unit, a.View, a.Language)), (Unit: result.Value, result.View, read.Language));
    }

    public virtual async Task<ListUnitsResponse> ListUnits(ListUnitsRequest r, ServerCallContext c)
    {
        var read = Read(r.AsOf, r.Language);
        var result = await rpc.Send(c, new ListUnitsQuery(r.ParentId, Filter<Domain.UnitKind>((int)r.Kind), r.OfficeId, Page(r.PageSize, r.PageToken), read));
        var response = new ListUnitsResponse { NextPageToken = result.Value.NextPageToken, TotalSize = result.Value.TotalSize };
        response.Units.AddRange(result.Value.Items.Select(u => MessageMapping.Unit(u, result.View, read.Language)));
        return response;
    }

    public virtual async Task<GetUnitPathResponse> GetUnitPath(GetUnitPathRequest r, ServerCallContext c)
    {
        var read = Read(r.AsOf, r.Language);
        var result = await rpc.Send(c, new GetUnitPathQuery(r.Id, read));
        var response = new GetUnitPathResponse();
        response.Path.AddRange(result.Value.Select(u => MessageMapping.Unit(u, result.View, read.Language)));
        return response;
    }

    public virtual async Task GetSubtree(GetSubtreeRequest r, IServerStreamWriter<SubtreeNode> stream, ServerCallContext c)
    {
        var read = Read(r.AsOf, r.Language);
        var result = await rpc.Send(c, new GetSubtreeQuery(r.Id, r.MaxDepth, read));
        foreach (var entry in result.Value)
            await stream.WriteAsync(new SubtreeNode { Unit = MessageMapping.Unit(entry.Unit, result.View, read.Language), Depth = entry.Depth }, c.CancellationToken);
    }

    public virtual async Task<ListMailboxesResponse> ListMailboxes(ListMailboxesRequest r, ServerCallContext c)
    {
        var read = Read(r.AsOf, r.Language);
        var result = await rpc.Send(c, new ListMailboxesQuery(r.UnitId, Page(r.PageSize, r.PageToken), read));
        var response = new ListMailboxesResponse { NextPageToken = result.Value.NextPageToken, TotalSize = result.Value.TotalSize };
        response.Mailboxes.AddRange(result.Value.Items.Select(m => MessageMapping.Mailbox(m, result.View, read.Language)));
        return response;
    }

    public virtual async Task<ListFocalPointsResponse> ListFocalPoints(ListFocalPointsRequest r, ServerCallContext c)
    {
        var read = Read(r.AsOf, r.Language);
        var result = await rpc.Send(c, new ListFocalPointsQuery(r.OfficeId, r.UnitId, Page(r.PageSize, r.PageToken), read));
        var response = new ListFocalPointsResponse { NextPageToken = result.Value.NextPageToken, TotalSize = result.Value.TotalSize };
        response.FocalPoints.AddRange(result.Value.Items.Select(f => MessageMapping.FocalPoint(f, result.View, read.Language)));
        return response;
    }

    public virtual async Task<GetRecordHistoryResponse> GetRecordHistory(GetRecordHistoryRequest r, ServerCallContext c)
    {
        var read = Read(r.AsOf, r.Language);
        var result = await rpc.Send(c, new Features.History.GetRecordHistoryQuery(r.Kind, r.Id, read));
        var response = new GetRecordHistoryResponse { Kind = r.Kind, Id = r.Id };
        foreach (var entry in result.Value)
        {
            var version = new RecordVersion
            {
                Title = MessageMapping.Title(entry.Version, read.Language),
                Validity = MessageMapping.Validity(entry.Version),
                Provenance = MessageMapping.Provenance(entry.Version, result.View),
                Shown = entry.Version.IsInForceAt(read.AsOf),
            };
            version.Changes.AddRange(entry.Changes.Select(MessageMapping.Change));
            response.Versions.Add(version);
        }
        return response;
    }

    public virtual async Task<ListCommitteesResponse> ListCommittees(ListCommitteesRequest r, ServerCallContext c)
    {
        var read = Read(r.AsOf, r.Language);
        var result = await rpc.Send(c, new ListCommitteesQuery(read));
        var response = new ListCommitteesResponse();
        response.Committees.AddRange(result.Value.Select(m => MessageMapping.Committee(m, result.View, read.Language)));
        return response;
    }

    public virtual async Task<ResolveCountryResponse> ResolveCountry(ResolveCountryRequest r, ServerCallContext c)
    {
        var read = Read(r.AsOf, r.Language);
        var result = await rpc.Send(c, new ResolveCountryQuery(r.Country, read));
        var (found, view) = (result.Value, result.View);
        var response = new ResolveCountryResponse
        {
            Country = MessageMapping.Country(found.Country, read.Language),
            RegionalOffice = MessageMapping.Office(found.RegionalOffice, view, read.Language),
        };
        if (found.CountryOffice is { } co) response.CountryOffice = MessageMapping.Office(co, view, read.Language);
        if (found.SubRegionalOffice is { } sro) response.SubRegionalOffice = MessageMapping.Office(sro, view, read.Language);
        response.FocalPoints.AddRange(found.FocalPoints.Select(f => MessageMapping.FocalPoint(f, view, read.Language)));
        response.OtherOffices.AddRange(found.OtherOffices.Select(o => MessageMapping.Office(o, view, read.Language)));
        return response;
    }

    public virtual async Task<SearchDirectoryResponse> SearchDirectory(SearchDirectoryRequest r, ServerCallContext c)
    {
        var read = Read(r.AsOf, r.Language);
        var result = await rpc.Send(c, new SearchDirectoryQuery(r.Query, r.Kinds.ToList(), Page(r.PageSize, r.PageToken), read));
        var page = result.Value.Page;
        var response = new SearchDirectoryResponse { NextPageToken = page.NextPageToken, TotalSize = page.TotalSize };
        response.Hits.AddRange(page.Items.Select(h => SearchHitMapping.Hit(h, result.View, read.Language)));
        return response;
    }
}
