using IomDirectory.Server.Domain;
using IomDirectory.Server.Features.Common;
using MediatR;
using IomDirectory.Server.Snapshots;

namespace IomDirectory.Server.Features.Countries;

/// <summary>Every country the directory knows, with the regional office covering it on the date read (if any), by name in the read's language.</summary>
public sealed record ListCountriesQuery(ReadContext Read) : IRequest<InView<IReadOnlyList<CountryEntry>>>, IReadQuery;

public sealed record CountryEntry(Country Country, OfficeRecord? RegionalOffice);

public sealed class ListCountriesHandler(DirectorySnapshotProvider snapshots)
    : DirectoryReads(snapshots), IRequestHandler<ListCountriesQuery, InView<IReadOnlyList<CountryEntry>>>
{
    public Task<InView<IReadOnlyList<CountryEntry>>> Handle(ListCountriesQuery query, CancellationToken cancellationToken)
    {
        var view = ViewFor(query);
        var culture = System.Globalization.CultureInfo.GetCultureInfo(query.Read.Language.Length > 0 ? query.Read.Language : "en");
        var entries = view.Snapshot.Countries.All
            .Select(c => new CountryEntry(c, view.Coverage.GetValueOrDefault(c.Code) is { } cov ? view.Offices.GetValueOrDefault(cov.RegionalOfficeId) : null))
            .OrderBy(e => e.Country.Name.In(query.Read.Language), StringComparer.Create(culture, ignoreCase: true))
            .ToList();
        return Task.FromResult(new InView<IReadOnlyList<CountryEntry>>(entries, view));
    }
}
