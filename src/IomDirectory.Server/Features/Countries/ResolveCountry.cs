using IomDirectory.Server.Application;
using IomDirectory.Server.Domain;
using IomDirectory.Server.Features.Common;
using MediatR;
using IomDirectory.Server.Snapshots;

namespace IomDirectory.Server.Features.Countries;

/// <summary>Who covers a country: its country office if the directory has one, its regional and sub-regional
/// offices, and the focal points a country office approaches first (the DHRR RTS of its regional office).</summary>
public sealed record ResolveCountryQuery(string Country, ReadContext Read) : IRequest<InView<CountryResolution>>, IReadQuery;

public sealed record CountryResolution(
    Country Country,
    OfficeRecord? CountryOffice,
    OfficeRecord RegionalOffice,
    OfficeRecord? SubRegionalOffice,
    IReadOnlyList<FocalPointRecord> FocalPoints,
    IReadOnlyList<OfficeRecord> OtherOffices);

public sealed class ResolveCountryHandler(DirectorySnapshotProvider snapshots)
    : DirectoryReads(snapshots), IRequestHandler<ResolveCountryQuery, InView<CountryResolution>>
{
    public Task<InView<CountryResolution>> Handle(ResolveCountryQuery query, CancellationToken cancellationToken)
    {
        var view = ViewFor(query);
        return Task.FromResult(new InView<CountryResolution>(Resolve(view, query.Country, "country", query.Read), view));
    }

    /// <summary>Resolves a code or name; an unknown one is an invalid <paramref name="field"/>.</summary>
    public static CountryResolution Resolve(DirectoryView view, string codeOrName, string field, ReadContext read)
    {
        var country = view.Snapshot.Countries.Find(codeOrName)
                      ?? throw new InvalidRequestException(field, $"'{codeOrName}' is not a known country (ISO 3166-1 alpha-2 code or name in English, French or Spanish)");
        var coverage = view.Coverage.GetValueOrDefault(country.Code)
                       ?? throw new NotFoundException("Coverage of country", country.Code, read.AsOf);
        var regional = view.Offices.GetValueOrDefault(coverage.RegionalOfficeId)
                       ?? throw new NotFoundException("Regional office", coverage.RegionalOfficeId, read.AsOf);
        var subRegional = coverage.SubRegionalOfficeId is { } sro ? view.Offices.GetValueOrDefault(sro) : null;
        var inCountry = view.OrderedOffices.Where(o => o.Country == country.Code).ToList();
        var countryOffice = inCountry.FirstOrDefault(o => o.Type == OfficeType.CountryOffice)
                            ?? inCountry.FirstOrDefault(o => o.Type == OfficeType.Copa);
        var others = inCountry.Where(o => o != countryOffice && o != regional && o != subRegional).ToList();
        var focalPoints = view.FocalPoints.Where(f => f.OfficeId == regional.Id).ToList();
        return new CountryResolution(country, countryOffice, regional, subRegional, focalPoints, others);
    }
}
