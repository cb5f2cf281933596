using IomDirectory.Server.Application;
using IomDirectory.Server.Domain;
using IomDirectory.Server.Features.Common;
using MediatR;
using IomDirectory.Server.Snapshots;

namespace IomDirectory.Server.Features.Offices;

/// <summary>Offices, filtered by type, by region (the countries a regional or sub-regional office covers) and by country.</summary>
public sealed record ListOfficesQuery(OfficeType? Type, string Region, string Country, PageRequest Page, ReadContext Read)
    : IRequest<InView<Paged<OfficeRecord>>>, IReadQuery;

public sealed class ListOfficesHandler(DirectorySnapshotProvider snapshots)
    : DirectoryReads(snapshots), IRequestHandler<ListOfficesQuery, InView<Paged<OfficeRecord>>>
{
    public const int DefaultPageSize = 50;

    public Task<InView<Paged<OfficeRecord>>> Handle(ListOfficesQuery query, CancellationToken cancellationToken)
    {
        var view = ViewFor(query);
        IEnumerable<OfficeRecord> offices = view.OrderedOffices;
        if (query.Type is { } type)
            offices = offices.Where(o => o.Type == type);
        if (query.Region.Length > 0)
        {
            if (!view.Offices.ContainsKey(query.Region))
                throw new InvalidRequestException("region", $"region '{query.Region}' is not an office in the directory as of {query.Read.AsOf:yyyy-MM-dd}");
            var covered = view.CoveredCountries.GetValueOrDefault(query.Region) ?? [];
            var countries = covered.ToHashSet(StringComparer.OrdinalIgnoreCase);
            offices = offices.Where(o => o.Id == query.Region || o.ParentId == query.Region || countries.Contains(o.Country));
        }
        if (query.Country.Length > 0)
        {
            var country = view.Snapshot.Countries.Find(query.Country)
                          ?? throw new InvalidRequestException("country", $"'{query.Country}' is not a known country code or name");
            offices = offices.Where(o => o.Country == country.Code);
        }
        var page = query.Page.Apply(offices.ToList(), DefaultPageSize);
        return Task.FromResult(new InView<Paged<OfficeRecord>>(page, view));
    }
}
