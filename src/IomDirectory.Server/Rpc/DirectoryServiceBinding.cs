using IomDirectory.Contracts.V1;
using IomDirectory.Grpc;
using IomDirectory.Server.Features.Contacts;
using IomDirectory.Server.Features.Countries;
using IomDirectory.Server.Features.Offices;
using IomDirectory.Server.Features.Search;
using IomDirectory.Server.Features.Units;
using Microsoft.Extensions.DependencyInjection;
using static IomDirectory.Server.Rpc.RequestMapping;

namespace IomDirectory.Server.Rpc;

/// <summary>
/// iom.directory.v1.DirectoryService: each method maps its message to a query, sends it through MediatR, and
/// maps the answer back. No logic lives here.
/// </summary>
public static class DirectoryServiceBinding
{
    public static IGrpcServerBuilder AddDirectoryService(this IGrpcServerBuilder builder) =>
        builder.AddService(DirectoryReflection.Descriptor.Services.Single(s => s.Name == "DirectoryService"), Bind);

    private static void Bind(GrpcServiceBinder b)
    {
        b.Unary<GetOfficeRequest, Office>("GetOffice", async (r, c) =>
        {
            var read = Read(r.AsOf, r.Language);
            var result = await c.Send(new GetOfficeQuery(r.Id, read));
            return MessageMapping.Office(result.Value, result.View, read.Language);
        });
        b.Unary<ListOfficesRequest, ListOfficesResponse>("ListOffices", async (r, c) =>
        {
            var read = Read(r.AsOf, r.Language);
            var result = await c.Send(new ListOfficesQuery(Filter<Domain.OfficeType>((int)r.Type), r.Region, r.Country, Page(r.PageSize, r.PageToken), read));
            var response = new ListOfficesResponse { NextPageToken = result.Value.NextPageToken, TotalSize = result.Value.TotalSize };
            response.Offices.AddRange(result.Value.Items.Select(o => MessageMapping.Office(o, result.View, read.Language)));
            return response;
        });
        b.UnaryEncoded<GetUnitRequest, Unit>("GetUnit", async (r, c) =>
        {
            var read = Read(r.AsOf, r.Language);
            var result = await c.Send(new GetUnitQuery(r.Id, read));
            return c.ApplicationServices.GetRequiredService<UnitMessageCache>().Get(result.Value, result.View, read.Language);
        });
        b.Unary<ListUnitsRequest, ListUnitsResponse>("ListUnits", async (r, c) =>
        {
            var read = Read(r.AsOf, r.Language);
            var result = await c.Send(new ListUnitsQuery(r.ParentId, Filter<Domain.UnitKind>((int)r.Kind), r.OfficeId, Page(r.PageSize, r.PageToken), read));
            var response = new ListUnitsResponse { NextPageToken = result.Value.NextPageToken, TotalSize = result.Value.TotalSize };
            response.Units.AddRange(result.Value.Items.Select(u => MessageMapping.Unit(u, result.View, read.Language)));
            return response;
        });
        b.Unary<GetUnitPathRequest, GetUnitPathResponse>("GetUnitPath", async (r, c) =>
        {
            var read = Read(r.AsOf, r.Language);
            var result = await c.Send(new GetUnitPathQuery(r.Id, read));
            var response = new GetUnitPathResponse();
            response.Path.AddRange(result.Value.Select(u => MessageMapping.Unit(u, result.View, read.Language)));
            return response;
        });
        b.ServerStreaming<GetSubtreeRequest, SubtreeNode>("GetSubtree", async (r, stream, c) =>
        {
            var read = Read(r.AsOf, r.Language);
            var result = await c.Send(new GetSubtreeQuery(r.Id, r.MaxDepth, read));
            foreach (var entry in result.Value)
                await stream.WriteAsync(new SubtreeNode { Unit = MessageMapping.Unit(entry.Unit, result.View, read.Language), Depth = entry.Depth }, c.CancellationToken);
        });
        b.Unary<ListMailboxesRequest, ListMailboxesResponse>("ListMailboxes", async (r, c) =>
        {
            var read = Read(r.AsOf, r.Language);
            var result = await c.Send(new ListMailboxesQuery(r.UnitId, Page(r.PageSize, r.PageToken), read));
            var response = new ListMailboxesResponse { NextPageToken = result.Value.NextPageToken, TotalSize = result.Value.TotalSize };
            response.Mailboxes.AddRange(result.Value.Items.Select(m => MessageMapping.Mailbox(m, result.View, read.Language)));
            return response;
        });
        b.Unary<ListFocalPointsRequest, ListFocalPointsResponse>("ListFocalPoints", async (r, c) =>
        {
            var read = Read(r.AsOf, r.Language);
            var result = await c.Send(new ListFocalPointsQuery(r.OfficeId, r.UnitId, Page(r.PageSize, r.PageToken), read));
            var response = new ListFocalPointsResponse { NextPageToken = result.Value.NextPageToken, TotalSize = result.Value.TotalSize };
            response.FocalPoints.AddRange(result.Value.Items.Select(f => MessageMapping.FocalPoint(f, result.View, read.Language)));
            return response;
        });
        b.Unary<ListCommitteesRequest, ListCommitteesResponse>("ListCommittees", async (r, c) =>
        {
            var read = Read(r.AsOf, r.Language);
            var result = await c.Send(new ListCommitteesQuery(read));
            var response = new ListCommitteesResponse();
            response.Committees.AddRange(result.Value.Select(m => MessageMapping.Committee(m, result.View, read.Language)));
            return response;
        });
        b.Unary<ResolveCountryRequest, ResolveCountryResponse>("ResolveCountry", async (r, c) =>
        {
            var read = Read(r.AsOf, r.Language);
            var result = await c.Send(new ResolveCountryQuery(r.Country, read));
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
        });
        b.Unary<SearchDirectoryRequest, SearchDirectoryResponse>("SearchDirectory", async (r, c) =>
        {
            var read = Read(r.AsOf, r.Language);
            var result = await c.Send(new SearchDirectoryQuery(r.Query, r.Kinds.ToList(), Page(r.PageSize, r.PageToken), read));
            var response = new SearchDirectoryResponse { NextPageToken = result.Value.NextPageToken, TotalSize = result.Value.TotalSize };
            response.Hits.AddRange(result.Value.Items.Select(h => SearchHitMapping.Hit(h, result.View, read.Language)));
            return response;
        });
    }
}
